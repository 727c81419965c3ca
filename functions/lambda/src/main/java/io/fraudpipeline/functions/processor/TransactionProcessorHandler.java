package io.fraudpipeline.functions.processor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.fraudpipeline.functions.aws.AwsClients;
import io.fraudpipeline.functions.aws.Env;
import io.fraudpipeline.functions.aws.SnapStartPriming;
import io.fraudpipeline.functions.contract.EnvVars;
import io.fraudpipeline.functions.json.Json;
import io.fraudpipeline.functions.metrics.PipelineMetrics;
import io.fraudpipeline.functions.model.ScoringPayload;
import io.fraudpipeline.functions.processor.api.ApiRequest;
import io.fraudpipeline.functions.processor.api.CheckCaller;
import io.fraudpipeline.functions.processor.api.TransactionApi;
import io.fraudpipeline.functions.processor.stream.StreamDispatcher;
import io.fraudpipeline.functions.processor.stream.StreamRecord;
import io.fraudpipeline.functions.store.DynamoDbScoreStore;
import io.fraudpipeline.functions.store.DynamoDbTransactionStore;
import io.fraudpipeline.functions.store.TransactionItems;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.warmup.SdkWarmUp;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The transaction processor. One function serves two event sources, told apart by their shape: API
 * Gateway REST proxy events ({@code httpMethod}) get a proxy response; DynamoDB stream batches
 * ({@code Records}) get {@code {"batchItemFailures":[{"itemIdentifier": sequenceNumber}]}}.
 */
public final class TransactionProcessorHandler implements RequestStreamHandler {

  private final TransactionApi api;
  private final StreamDispatcher dispatcher;

  // held only so the CRaC context, which references it weakly, keeps it (Lambda only)
  @SuppressWarnings("unused")
  private SnapStartPriming priming;

  /** For Lambda: clients and services built once per container from the environment. */
  public TransactionProcessorHandler() {
    this(Env.system());
    this.priming = SnapStartPriming.register(this::prime);
  }

  private TransactionProcessorHandler(Env env) {
    this(Wiring.fromEnv(env));
  }

  private TransactionProcessorHandler(Wiring wiring) {
    this(wiring.api(), wiring.dispatcher());
  }

  /**
   * For tests and the local mode: the same handler over any stores, scorer invoker, check caller
   * and metrics.
   */
  public TransactionProcessorHandler(TransactionApi api, StreamDispatcher dispatcher) {
    this.api = api;
    this.dispatcher = dispatcher;
  }

  /** The services over real AWS clients, as the environment the operator sets names them. */
  private record Wiring(TransactionApi api, StreamDispatcher dispatcher) {
    static Wiring fromEnv(Env env) {
      String transactionsTable = env.required(EnvVars.TRANSACTIONS_TABLE);
      String scoresTable = env.required(EnvVars.FRAUD_SCORES_TABLE);
      String scorerFunction = env.required(EnvVars.SCORER_FUNCTION_NAME);
      CheckCaller checkCaller = CheckCaller.fromSetting(env.optional(EnvVars.CHECK_ROLE_ARN));
      AwsClients clients = new AwsClients(env);
      DynamoDbClient dynamoDb = clients.dynamoDb();
      TransactionService service =
          new TransactionService(
              new DynamoDbTransactionStore(dynamoDb, transactionsTable),
              new DynamoDbScoreStore(dynamoDb, scoresTable),
              Clock.systemUTC());
      StreamDispatcher dispatcher =
          StreamDispatcher.withConcurrency(
              clients.scorerInvoker(scorerFunction), StreamDispatcher.DEFAULT_CONCURRENCY);
      return new Wiring(
          new TransactionApi(service, checkCaller, PipelineMetrics.fromEnv(env)), dispatcher);
    }
  }

  /**
   * Runs the SDK's DynamoDB pipeline on canned responses and both event paths on canned events that
   * stop before any AWS call (an invalid POST, a stream record read but not dispatched).
   */
  void prime() {
    SdkWarmUp.warmUp(DynamoDbClient.class);
    api.withMetrics(PipelineMetrics.priming())
        .handle(
            new ApiRequest(
                "POST",
                "/transactions",
                null,
                "{\"transaction_id\":\"priming\",\"timestamp\":1,\"amount\":-1}",
                false,
                "priming"));
    for (StreamRecord record : StreamRecord.fromEvent(Json.readObject(PRIMING_STREAM_EVENT))) {
      ScoringPayload.toJson(List.of(TransactionItems.fromItem(record.newImage())));
    }
  }

  private static final byte[] PRIMING_STREAM_EVENT =
      ("{\"Records\":[{\"eventName\":\"INSERT\",\"dynamodb\":{\"SequenceNumber\":\"1\","
              + "\"NewImage\":{\"transaction_id\":{\"S\":\"priming\"},\"timestamp\":{\"N\":\"1\"},"
              + "\"amount\":{\"N\":\"1.5\"},\"merchant\":{\"S\":\"unknown\"}}}}]}")
          .getBytes(StandardCharsets.UTF_8);

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    Map<String, Object> event = Json.readObject(input.readAllBytes());
    output.write(Json.writeBytes(handle(event)));
  }

  /** Handles one event of either kind and returns the response object. */
  public Map<String, Object> handle(Map<String, Object> event) {
    if (event.containsKey("Records")) {
      List<String> failed = dispatcher.dispatch(StreamRecord.fromEvent(event));
      return Map.of(
          "batchItemFailures",
          failed.stream().map(sequence -> Map.of("itemIdentifier", sequence)).toList());
    }
    if (event.containsKey("httpMethod")) {
      return api.handle(ApiRequest.fromEvent(event)).toEvent();
    }
    throw new IllegalArgumentException(
        "unsupported event: expected an API Gateway REST proxy event or a DynamoDB stream batch");
  }
}
