package io.fraudpipeline.functions.aws;

import io.fraudpipeline.functions.processor.TransactionProcessorHandler;
import io.fraudpipeline.functions.scorer.FraudScorerHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The training run of a Java AOT cache (JEP 483/514/515) for an image deploy, with no network:
 * builds both handlers as Lambda does, from the environment; runs their SnapStart primers (the
 * SDK's pipelines on canned responses); then hands each handler one event of every kind it takes,
 * with {@code AWS_ENDPOINT_URL} on loopback, where a {@link TrainingEndpoint} answers as AWS
 * answers success, so the whole path of a first event (parsing, validation, marshalling, signing,
 * the HTTP client, the response's unmarshalling) is loaded and profiled too. An event that fails
 * (another endpoint, nothing listening) is counted and logged, never fatal.
 */
public final class PrimingTraining {

  static final String POST =
      "{\"httpMethod\":\"POST\",\"path\":\"/transactions\",\"resource\":\"/transactions\","
          + "\"headers\":{\"Content-Type\":\"application/json\"},\"isBase64Encoded\":false,"
          + "\"requestContext\":{\"requestId\":\"training\"},\"body\":"
          + "\"{\\\"transaction_id\\\":\\\"training\\\",\\\"timestamp\\\":1700000000,"
          + "\\\"amount\\\":12.5,\\\"merchant\\\":\\\"shop\\\"}\"}";

  static final String GET =
      "{\"httpMethod\":\"GET\",\"path\":\"/transactions/training\","
          + "\"resource\":\"/transactions/{transactionId}\","
          + "\"pathParameters\":{\"transactionId\":\"training\"},"
          + "\"requestContext\":{\"requestId\":\"training\"},\"isBase64Encoded\":false}";

  static final String STREAM =
      "{\"Records\":[{\"eventName\":\"INSERT\",\"dynamodb\":{\"SequenceNumber\":\"1\","
          + "\"NewImage\":{\"transaction_id\":{\"S\":\"training\"},"
          + "\"timestamp\":{\"N\":\"1700000000\"},\"amount\":{\"N\":\"12.5\"},"
          + "\"merchant\":{\"S\":\"shop\"}}}}]}";

  static final String SCORE =
      "{\"transactions\":[{\"transaction_id\":\"training\",\"timestamp\":1700000000,"
          + "\"amount\":\"25000\",\"merchant\":\"crypto\"}]}";

  private PrimingTraining() {}

  public static void main(String[] args) throws IOException {
    try (TrainingEndpoint aws = TrainingEndpoint.serve(System.getenv("AWS_ENDPOINT_URL"))) {
      TransactionProcessorHandler processor = new TransactionProcessorHandler();
      FraudScorerHandler scorer = new FraudScorerHandler();
      SnapStartPriming.primeAll();
      int handled = 0;
      for (String event : List.of(POST, GET, STREAM)) {
        handled += handle(processor, event);
      }
      handled += handle(scorer, SCORE);
      System.out.println(
          "training: primers run, "
              + handled
              + " of 4 events answered"
              + (aws == null ? " (no loopback endpoint: every AWS call failed)" : ""));
    }
  }

  private static int handle(
      com.amazonaws.services.lambda.runtime.RequestStreamHandler h, String e) {
    try {
      h.handleRequest(
          new ByteArrayInputStream(e.getBytes(StandardCharsets.UTF_8)),
          new ByteArrayOutputStream(),
          null);
      return 1;
    } catch (IOException | RuntimeException expected) {
      // no endpoint answers during training
      return 0;
    }
  }
}
