package io.fraudpipeline.functions.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code fraud-functions.zip} in Lambda's own runtime loop: the Runtime Interface
 * Emulator and the Java runtime interface client on JDK 25, the zip unpacked as the java25 runtime
 * unpacks it, each function started with the handler string and environment the operator renders
 * for {@code examples/fraudpipeline.yaml}, against Dynalite and loopback Lambda and SNS.
 */
class ZipInTheRuntimeIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static java.nio.file.Path work;
  private static RuntimeTier tier;
  private static RenderedFunction processorFunction;
  private static RenderedFunction scorerFunction;
  private static EmulatedFunction processor;
  private static EmulatedFunction scorer;

  @BeforeAll
  static void startBothFunctions() {
    tier = RuntimeTier.shared();
    Map<String, RenderedFunction> rendered = tier.rendered("fraudpipeline.yaml");
    processorFunction = rendered.get("processor");
    scorerFunction = rendered.get("scorer");
    assertThat(processorFunction.packageType()).isEqualTo("Zip");
    tier.createTables(processorFunction);
    processor = tier.startZipFunction(processorFunction, work.resolve("processor"));
    scorer = tier.startZipFunction(scorerFunction, work.resolve("scorer"));
  }

  @AfterAll
  static void stop() {
    if (processor != null && scorer != null) {
      System.out.printf(
          "zip INIT as the emulator reports it: processor %s ms, scorer %s ms%n",
          processor.initDurationsMs(), scorer.initDurationsMs());
    }
    if (processor != null) {
      processor.close();
    }
    if (scorer != null) {
      scorer.close();
    }
  }

  @Test
  void aValidPostIsStoredAndAnswered202() throws Exception {
    EmulatedFunction.Invocation post =
        processor.invoke(
            api(
                "POST",
                "/transactions",
                null,
                "{\"transaction_id\":\"rt-post\",\"timestamp\":1700000000,\"amount\":12.5,\"merchant\":\"shop\"}"));

    JsonNode response = answered(processor, post);
    assertThat(response.path("statusCode").asInt()).as(post.body()).isEqualTo(202);
    assertThat(JSON.readTree(response.path("body").asText()).path("transaction_id").asText())
        .isEqualTo("rt-post");
    assertThat(
            tier.dynamo
                .getItem(
                    g ->
                        g.tableName(processorFunction.environment().get("TRANSACTIONS_TABLE"))
                            .key(
                                Map.of(
                                    "transaction_id",
                                    software.amazon.awssdk.services.dynamodb.model.AttributeValue
                                        .fromS("rt-post")))
                            .consistentRead(true))
                .hasItem())
        .isTrue();
  }

  @Test
  void anInvalidPostIsAnswered400NamingTheField() throws Exception {
    EmulatedFunction.Invocation post =
        processor.invoke(
            api(
                "POST",
                "/transactions",
                null,
                "{\"transaction_id\":\"rt-bad\",\"timestamp\":1700000000,\"amount\":-3}"));

    JsonNode response = answered(processor, post);
    assertThat(response.path("statusCode").asInt()).as(post.body()).isEqualTo(400);
    assertThat(response.path("body").asText()).contains("amount");
  }

  @Test
  void aGetOfAKnownIdAnswersTheTransactionAndOfAnUnknownOne404() throws Exception {
    JsonNode stored =
        answered(
            processor,
            processor.invoke(
                api(
                    "POST",
                    "/transactions",
                    null,
                    "{\"transaction_id\":\"rt-known\",\"timestamp\":1700000001,\"amount\":7.25}")));
    assertThat(stored.path("statusCode").asInt()).isEqualTo(202);

    JsonNode known = answered(processor, processor.invoke(getTransaction("rt-known")));
    JsonNode unknown = answered(processor, processor.invoke(getTransaction("rt-nobody")));

    assertThat(known.path("statusCode").asInt()).isEqualTo(200);
    JsonNode item = JSON.readTree(known.path("body").asText());
    assertThat(item.path("transaction_id").asText()).isEqualTo("rt-known");
    assertThat(item.path("amount").decimalValue()).isEqualByComparingTo("7.25");
    assertThat(unknown.path("statusCode").asInt()).isEqualTo(404);
  }

  @Test
  void aStreamBatchOf100WithOneUnreadableRecordFailsThatRecordAloneAndInvokesTheScorerOnce()
      throws Exception {
    List<Object> records = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      records.add(
          i == 42
              ? streamRecord(i, Map.of("transaction_id", Map.of("S", "rt-s-42")))
              : streamRecord(
                  i,
                  Map.of(
                      "transaction_id", Map.of("S", "rt-s-" + i),
                      "timestamp", Map.of("N", "1700000000"),
                      "amount", Map.of("N", "3.5"),
                      "merchant", Map.of("S", "shop"))));
    }
    int invokesBefore = tier.lambda.requests().size();

    EmulatedFunction.Invocation batch =
        processor.invoke(JSON.writeValueAsString(Map.of("Records", records)));

    JsonNode response = answered(processor, batch);
    assertThat(response.path("batchItemFailures")).hasSize(1);
    assertThat(response.path("batchItemFailures").path(0).path("itemIdentifier").asText())
        .isEqualTo("42");
    List<LoopbackAws.Request> invokes = tier.lambda.requests();
    assertThat(invokes).hasSize(invokesBefore + 1);
    LoopbackAws.Request invoke = invokes.get(invokes.size() - 1);
    assertThat(invoke.path())
        .isEqualTo(
            "/2015-03-31/functions/"
                + processorFunction.environment().get("SCORER_FUNCTION_NAME")
                + "/invocations");
    assertThat(JSON.readTree(invoke.body()).path("transactions")).hasSize(99);
  }

  @Test
  void theScorerScoresAnEventOfSeveralTransactionsAndAlertsOnce() throws Exception {
    int scoresBefore = tier.count(scorerFunction.environment().get("FRAUD_SCORES_TABLE"));
    int publishesBefore = tier.sns.requests().size();
    String event =
        JSON.writeValueAsString(
            Map.of(
                "transactions",
                List.of(
                    transaction("rt-score-1", "12.00", "bakery"),
                    transaction("rt-score-2", "25000.00", "crypto"),
                    transaction("rt-score-3", "40.00", "books"))));

    JsonNode response = answered(scorer, scorer.invoke(event));

    assertThat(response.path("transactions")).hasSize(3);
    assertThat(response.path("transactions").findValuesAsText("transaction_id"))
        .containsExactly("rt-score-1", "rt-score-2", "rt-score-3");
    assertThat(response.path("transactions").path(1).path("published").asBoolean()).isTrue();
    assertThat(response.path("transactions").path(0).path("published").asBoolean()).isFalse();
    assertThat(tier.count(scorerFunction.environment().get("FRAUD_SCORES_TABLE")))
        .isEqualTo(scoresBefore + 3);
    assertThat(tier.sns.requests()).hasSize(publishesBefore + 1);
    assertThat(tier.sns.requests().get(publishesBefore).body())
        .contains(scorerFunction.environment().get("ALERT_TOPIC_ARN").replace(":", "%3A"));
  }

  @Test
  void anUnhandledExceptionIsTheRuntimesErrorShapeAndMarksTheInvocationFailed() throws Exception {
    EmulatedFunction.Invocation failed = scorer.invoke("{\"amount\":\"5\"}");

    JsonNode error = JSON.readTree(failed.body());
    assertThat(error.path("errorType").asText()).isEqualTo("java.lang.IllegalArgumentException");
    assertThat(error.path("errorMessage").asText()).contains("transaction_id");
    assertThat(error.path("stackTrace").isArray()).isTrue();
    assertThat(error.path("stackTrace").path(0).asText()).startsWith("io.fraudpipeline.");
    assertThat(scorer.postedErrorType(failed.requestId())).isEqualTo("Runtime.UserException");
    assertThat(scorer.postedResponse(failed.requestId())).isFalse();
  }

  @Test
  void aSecondInvocationIsServedWarmByTheSameRuntime() {
    EmulatedFunction.Invocation first = processor.invoke(getTransaction("rt-warm"));
    List<Long> runtime = processor.runtimePids();
    EmulatedFunction.Invocation second = processor.invoke(getTransaction("rt-warm"));

    assertThat(processor.postedResponse(first.requestId())).isTrue();
    assertThat(processor.postedResponse(second.requestId())).isTrue();
    assertThat(runtime).isNotEmpty();
    assertThat(processor.runtimePids()).isEqualTo(runtime);
    assertThat(processor.initDurationsMs()).as(processor.log()).hasSize(1);
  }

  @Test
  void aHandlerStringNamingNoClassOfTheZipFailsTheInit() throws Exception {
    RenderedFunction broken =
        scorerFunction.withHandler(
            scorerFunction.handler().replace("FraudScorerHandler", "FraudScorerHandlr"));
    try (EmulatedFunction function = tier.startZipFunction(broken, work.resolve("broken"))) {
      EmulatedFunction.Invocation invocation = function.invoke("{}");

      JsonNode error = JSON.readTree(invocation.body());
      assertThat(error.path("errorType").asText()).as(invocation.body()).isNotBlank();
      assertThat(invocation.body()).contains("FraudScorerHandlr");
      assertThat(function.log()).contains("ClassNotFoundException");
    }
  }

  /** The handler's answer, after checking the runtime posted it as a success. */
  private static JsonNode answered(
      EmulatedFunction function, EmulatedFunction.Invocation invocation) throws Exception {
    assertThat(invocation.status()).as(invocation.body()).isEqualTo(200);
    assertThat(function.postedErrorType(invocation.requestId())).as(invocation.body()).isNull();
    assertThat(function.postedResponse(invocation.requestId())).as(function.log()).isTrue();
    return JSON.readTree(invocation.body());
  }

  /** An API Gateway proxy event as the REST API's AWS_PROXY integration sends it. */
  private static String api(
      String method, String path, Map<String, String> pathParameters, String body)
      throws Exception {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("resource", pathParameters == null ? path : "/transactions/{transactionId}");
    event.put("path", path);
    event.put("httpMethod", method);
    event.put("headers", Map.of("Content-Type", "application/json"));
    event.put("pathParameters", pathParameters);
    event.put("requestContext", Map.of("requestId", "rt-" + method, "stage", "prod"));
    event.put("body", body);
    event.put("isBase64Encoded", false);
    return JSON.writeValueAsString(event);
  }

  private static String getTransaction(String id) {
    try {
      return api("GET", "/transactions/" + id, Map.of("transactionId", id), null);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> streamRecord(int sequence, Map<String, Object> image) {
    return Map.of(
        "eventID",
        "e-" + sequence,
        "eventName",
        "INSERT",
        "eventSource",
        "aws:dynamodb",
        "awsRegion",
        processorFunction.region(),
        "dynamodb",
        Map.of(
            "SequenceNumber",
            Integer.toString(sequence),
            "StreamViewType",
            "NEW_IMAGE",
            "NewImage",
            image));
  }

  private static Map<String, Object> transaction(String id, String amount, String merchant) {
    return Map.of(
        "transaction_id", id, "timestamp", 1700000000L, "amount", amount, "merchant", merchant);
  }
}
