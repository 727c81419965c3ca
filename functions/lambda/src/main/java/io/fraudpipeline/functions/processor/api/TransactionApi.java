package io.fraudpipeline.functions.processor.api;

import io.fraudpipeline.functions.contract.FraudMetrics;
import io.fraudpipeline.functions.contract.Synthetic;
import io.fraudpipeline.functions.log.JsonLog;
import io.fraudpipeline.functions.metrics.PipelineMetrics;
import io.fraudpipeline.functions.model.Transaction;
import io.fraudpipeline.functions.processor.TransactionService;
import io.fraudpipeline.functions.processor.TransactionService.Outcome;
import io.fraudpipeline.functions.processor.TransactionService.TransactionView;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * The HTTP API of the processor: {@code POST /transactions} and {@code GET
 * /transactions/{transactionId}}. Client mistakes get a 4xx naming the field; only failures of the
 * stores are 5xx. Each POST's outcome is counted in the pipeline's metrics (a synthetic transaction
 * of the check aside); an id with {@link Synthetic#ID_PREFIX} is refused (403) unless the caller is
 * the check ({@link CheckCaller}).
 */
public final class TransactionApi {

  /** API Gateway's own payload limit is 10 MB; transactions are tiny, so refuse far less. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  private static final String COLLECTION = "/transactions";
  private static final JsonLog LOG = JsonLog.of(TransactionApi.class);

  private final TransactionService service;
  private final CheckCaller checkCaller;
  private final PipelineMetrics metrics;
  private final TransactionRequestParser parser = new TransactionRequestParser();

  public TransactionApi(
      TransactionService service, CheckCaller checkCaller, PipelineMetrics metrics) {
    this.service = service;
    this.checkCaller = checkCaller;
    this.metrics = metrics;
  }

  /** The same API counting into other metrics (priming counts nothing into the real ones). */
  public TransactionApi withMetrics(PipelineMetrics other) {
    return new TransactionApi(service, checkCaller, other);
  }

  public ApiResponse handle(ApiRequest request) {
    try {
      return route(request);
    } catch (SdkServiceException e) {
      boolean throttled = e.isThrottlingException() || e.statusCode() == 503;
      LOG.error("store request failed", null, e, "request_id", request.requestId());
      return ApiResponse.error(
          throttled ? 503 : 500,
          "request",
          throttled
              ? "the service is busy, retry later"
              : "internal error, request " + request.requestId());
    } catch (RuntimeException e) {
      LOG.error("request failed", null, e, "request_id", request.requestId());
      return ApiResponse.error(500, "request", "internal error, request " + request.requestId());
    }
  }

  private ApiResponse route(ApiRequest request) {
    String path = normalise(request.path());
    String method = request.method() == null ? "" : request.method();
    if (path.equals(COLLECTION)) {
      return method.equals("POST") ? submit(request) : notAllowed(method, path, "POST");
    }
    if (path.startsWith(COLLECTION + "/") && path.indexOf('/', COLLECTION.length() + 1) < 0) {
      // HEAD is GET without the body, which the HTTP layer leaves out
      if (!method.equals("GET") && !method.equals("HEAD")) {
        return notAllowed(method, path, "GET, HEAD");
      }
      String id =
          request.pathTransactionId() != null
              ? request.pathTransactionId()
              : URLDecoder.decode(path.substring(COLLECTION.length() + 1), StandardCharsets.UTF_8);
      return lookUp(id);
    }
    return ApiResponse.error(
        404,
        "path",
        "no route for " + path + "; the API serves /transactions and /transactions/{id}");
  }

  private static String normalise(String path) {
    if (path == null || path.isEmpty()) {
      return "/";
    }
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static ApiResponse notAllowed(String method, String path, String allowed) {
    return ApiResponse.error(
            405, "method", method + " is not allowed on " + path + "; allowed: " + allowed)
        .withHeader("Allow", allowed);
  }

  private ApiResponse submit(ApiRequest request) {
    ApiResponse response = store(request);
    String reason = reason(response.statusCode());
    if (reason != null) {
      metrics.rejected(reason);
    }
    return response;
  }

  /** The reason class of a refused POST; null for an answer that is not a refusal. */
  private static String reason(int status) {
    return switch (status) {
      case 400 -> FraudMetrics.REASON_INVALID_BODY;
      case 403 -> FraudMetrics.REASON_SYNTHETIC_REFUSED;
      case 409 -> FraudMetrics.REASON_CONFLICT;
      case 413 -> FraudMetrics.REASON_TOO_LARGE;
      case 415 -> FraudMetrics.REASON_NOT_JSON;
      default -> null;
    };
  }

  private ApiResponse store(ApiRequest request) {
    // characters never outnumber UTF-8 bytes, so a long string is refused before encoding it
    if (request.bodyChars()
        > (request.base64Encoded() ? MAX_BODY_BYTES * 4 / 3 + 4 : MAX_BODY_BYTES)) {
      return tooLarge();
    }
    byte[] body;
    try {
      body = request.bodyBytes();
    } catch (IllegalArgumentException e) {
      return ApiResponse.error(400, "body", "the body is not valid base64");
    }
    if (body.length > MAX_BODY_BYTES) {
      return tooLarge();
    }
    if (!request.declaresJsonOrNothing()) {
      return ApiResponse.error(
          415,
          "Content-Type",
          "the body must be JSON (Content-Type: application/json), not " + request.contentType());
    }
    if (body.length == 0) {
      return ApiResponse.error(400, "body", "the body is required: a JSON transaction");
    }
    TransactionRequestParser.Parsed parsed = parser.parse(body);
    if (!parsed.valid()) {
      return ApiResponse.errors(400, parsed.errors());
    }
    Transaction transaction = parsed.transaction();
    String id = transaction.transactionId();
    if (Synthetic.isSynthetic(id) && !checkCaller.isCheck(request.callerArn())) {
      LOG.warn("synthetic id refused", id, "caller", request.callerArn());
      return ApiResponse.error(
          403,
          TransactionRequestParser.TRANSACTION_ID,
          "ids starting with '"
              + Synthetic.ID_PREFIX
              + "' are reserved for the pipeline's own check; use another id");
    }
    Outcome outcome = service.submit(transaction);
    LOG.info("transaction submitted", id, "outcome", outcome);
    return switch (outcome) {
      case ACCEPTED -> {
        metrics.accepted(id);
        yield accepted(202, transaction, "accepted");
      }
      case ALREADY_ACCEPTED -> {
        metrics.duplicate(id);
        yield accepted(200, transaction, "already_accepted");
      }
      case CONFLICT ->
          ApiResponse.error(
              409,
              TransactionRequestParser.TRANSACTION_ID,
              "transaction "
                  + transaction.transactionId()
                  + " exists with different content; use a new id");
    };
  }

  private static ApiResponse tooLarge() {
    return ApiResponse.error(413, "body", "the body must be at most " + MAX_BODY_BYTES + " bytes");
  }

  private static ApiResponse accepted(int status, Transaction transaction, String state) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("transaction_id", transaction.transactionId());
    body.put("status", state);
    return ApiResponse.json(status, body);
  }

  private ApiResponse lookUp(String id) {
    String problem = TransactionRequestParser.checkTransactionId(id);
    if (problem != null) {
      return ApiResponse.error(400, TransactionRequestParser.TRANSACTION_ID, problem);
    }
    Optional<TransactionView> view = service.find(id);
    if (view.isEmpty()) {
      return ApiResponse.error(
          404, TransactionRequestParser.TRANSACTION_ID, "no transaction " + id);
    }
    return ApiResponse.json(200, describe(view.get()));
  }

  private static Map<String, Object> describe(TransactionView view) {
    Transaction transaction = view.transaction();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("transaction_id", transaction.transactionId());
    body.put("timestamp", transaction.timestamp());
    body.put("amount", transaction.amount());
    body.put("merchant", transaction.merchant());
    if (transaction.currency() != null) {
      body.put("currency", transaction.currency());
    }
    if (transaction.cardId() != null) {
      body.put("card_id", transaction.cardId());
    }
    body.put("status", view.score().isPresent() ? "scored" : "pending");
    view.score()
        .ifPresent(
            score -> {
              body.put("fraud_score", score.score());
              body.put("alerted", score.alerted());
            });
    return body;
  }
}
