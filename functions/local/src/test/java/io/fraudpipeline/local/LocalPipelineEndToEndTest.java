package io.fraudpipeline.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.functions.json.Json;
import io.fraudpipeline.functions.model.ScoringPayload;
import io.fraudpipeline.functions.model.Transaction;
import io.fraudpipeline.local.lambda.LocalFunction;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The whole local pipeline on a random port: a mixed set of transactions through the HTTP API,
 * scored through the emulated stream and the asynchronous scorer, with one transaction the scorer
 * always fails on.
 */
class LocalPipelineEndToEndTest {

  private static final String POISON = "poison-1";

  private static LocalPipeline pipeline;
  private static DynamoDbClient dynamo;
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final ByteArrayOutputStream console = new ByteArrayOutputStream();

  /** Scorer invocations that stored a score, per transaction id. */
  private static final Map<String, AtomicInteger> stored = new ConcurrentHashMap<>();

  /** The transactions that must be accepted, with the score the rules give them. */
  private static final Map<String, BigDecimal> EXPECTED = new LinkedHashMap<>();

  static {
    EXPECTED.put("normal-1", new BigDecimal("0"));
    EXPECTED.put("elevated-1", new BigDecimal("0.3"));
    EXPECTED.put("high-1", new BigDecimal("0.5"));
    EXPECTED.put("merchant-1", new BigDecimal("0.4"));
    EXPECTED.put("both-1", new BigDecimal("0.9"));
    EXPECTED.put("elevated-merchant-1", new BigDecimal("0.7"));
    EXPECTED.put("boundary-1", new BigDecimal("0.7"));
    EXPECTED.put("no-merchant-1", new BigDecimal("0.9"));
  }

  @BeforeAll
  static void start() {
    pipeline =
        LocalPipeline.start(
            FastSettings.get(),
            LocalPipelineEndToEndTest::poisonFor,
            new PrintStream(console, true, StandardCharsets.UTF_8));
    dynamo = pipeline.dynalite().client();
  }

  /**
   * The test's scorer: scores the other transactions of an event and then fails it when it holds
   * the poison, as the real scorer does with a transaction it cannot score; counts the scores
   * stored.
   */
  private static LocalFunction poisonFor(LocalFunction scorer) {
    return event -> {
      List<Transaction> all = ScoringPayload.fromJson(event);
      List<Transaction> others =
          all.stream().filter(t -> !t.transactionId().equals(POISON)).toList();
      byte[] response = others.isEmpty() ? null : scorer.invoke(ScoringPayload.toJson(others));
      if (response != null) {
        for (Object result : (List<?>) Json.readObject(response).get("transactions")) {
          Map<?, ?> summary = (Map<?, ?>) result;
          if (Boolean.TRUE.equals(summary.get("stored"))) {
            stored
                .computeIfAbsent((String) summary.get("transaction_id"), k -> new AtomicInteger())
                .incrementAndGet();
          }
        }
      }
      if (others.size() < all.size()) {
        throw new IllegalStateException("scorer cannot handle " + POISON);
      }
      return response;
    };
  }

  @AfterAll
  static void stop() {
    if (dynamo != null) {
      dynamo.close();
    }
    if (pipeline != null) {
      pipeline.close();
    }
  }

  private static HttpResponse<String> post(String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(pipeline.baseUri().resolve("/transactions"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(pipeline.baseUri().resolve(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String tx(String id, String amount, String merchant) {
    return "{\"transaction_id\":\""
        + id
        + "\",\"timestamp\":1700000000,\"amount\":"
        + amount
        + (merchant == null ? "" : ",\"merchant\":\"" + merchant + "\"")
        + "}";
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
      Thread.sleep(20);
    }
  }

  private static Set<String> ids(String table) {
    return dynamo.scan(s -> s.tableName(table).consistentRead(true)).items().stream()
        .map(item -> item.get("transaction_id").s())
        .collect(Collectors.toSet());
  }

  @Test
  void scoresEveryValidTransactionOnceAlertsAboveTheThresholdAndDeadLettersThePoison()
      throws Exception {
    Map<String, Integer> statuses = new HashMap<>();
    statuses.put("normal-1", post(tx("normal-1", "100", "Grocer")).statusCode());
    statuses.put("elevated-1", post(tx("elevated-1", "6000", "Shop")).statusCode());
    statuses.put("high-1", post(tx("high-1", "15000", "Shop")).statusCode());
    statuses.put("merchant-1", post(tx("merchant-1", "10", "Offshore Holdings")).statusCode());
    statuses.put("both-1", post(tx("both-1", "20000", "crypto-exchange")).statusCode());
    statuses.put(
        "elevated-merchant-1",
        post(tx("elevated-merchant-1", "5000.01", "UNKNOWN vendor")).statusCode());
    // exactly the high amount is not above it: elevated (0.3) + high-risk merchant (0.4)
    statuses.put("boundary-1", post(tx("boundary-1", "10000", "crypto")).statusCode());
    // no merchant means "unknown", a high-risk term
    statuses.put("no-merchant-1", post(tx("no-merchant-1", "12000", null)).statusCode());
    statuses.put(POISON, post(tx(POISON, "50", "Shop")).statusCode());

    assertThat(statuses).allSatisfy((id, status) -> assertThat(status).as(id).isEqualTo(202));

    // the same transaction again: 200, nothing written twice
    HttpResponse<String> duplicate = post(tx("both-1", "20000.00", "crypto-exchange"));
    assertThat(duplicate.statusCode()).isEqualTo(200);
    assertThat(duplicate.body()).contains("already_accepted");
    // the same id with different content: 409
    HttpResponse<String> conflict = post(tx("normal-1", "101", "Grocer"));
    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(conflict.body()).contains("transaction_id");

    // invalid bodies: 400 naming the field (or 413), and never stored
    Map<String, String> invalid = new LinkedHashMap<>();
    invalid.put("bad-amount", tx("bad-amount", "-5", "Shop"));
    invalid.put("no-amount", "{\"transaction_id\":\"no-amount\",\"timestamp\":1700000000}");
    invalid.put("bad id!", tx("bad id!", "10", "Shop"));
    invalid.put("not-json", "{\"transaction_id\":\"not-json\",");
    invalid.put("float-ts", "{\"transaction_id\":\"float-ts\",\"timestamp\":1.5,\"amount\":1}");
    for (Map.Entry<String, String> bad : invalid.entrySet()) {
      HttpResponse<String> response = post(bad.getValue());
      assertThat(response.statusCode()).as(bad.getKey()).isEqualTo(400);
      assertThat(response.body()).as(bad.getKey()).contains("\"errors\"");
    }
    String huge = tx("huge-1", "1", "x".repeat(70 * 1024));
    assertThat(post(huge).statusCode()).isEqualTo(413);

    await(
        "every valid transaction scored and the poison dead-lettered",
        () ->
            ids(pipeline.names().fraudScoresTable()).size() == EXPECTED.size()
                && pipeline.scorerDeadLetters().size() == 1);
    assertThat(pipeline.scorerInvocations().awaitIdle(Duration.ofSeconds(10))).isTrue();

    // scored exactly once each, with the rule's score
    assertThat(ids(pipeline.names().fraudScoresTable())).isEqualTo(EXPECTED.keySet());
    assertThat(stored).containsOnlyKeys(EXPECTED.keySet());
    assertThat(stored.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    for (Map.Entry<String, BigDecimal> expected : EXPECTED.entrySet()) {
      Map<String, AttributeValue> score =
          dynamo
              .getItem(
                  g ->
                      g.tableName(pipeline.names().fraudScoresTable())
                          .key(Map.of("transaction_id", AttributeValue.fromS(expected.getKey())))
                          .consistentRead(true))
              .item();
      assertThat(new BigDecimal(score.get("fraud_score").n()))
          .as(expected.getKey())
          .isEqualByComparingTo(expected.getValue());
    }

    // alerts exactly for the scores above 0.8, once each, on the console too
    Set<String> alerting = Set.of("both-1", "no-merchant-1");
    assertThat(pipeline.alerts().latest())
        .extracting(alert -> (String) alert.get("transaction_id"))
        .containsExactlyInAnyOrderElementsOf(alerting);
    String printed = console.toString(StandardCharsets.UTF_8);
    assertThat(printed.lines().filter(line -> line.startsWith("{\"fraud_alert\"")).count())
        .isEqualTo(2);
    assertThat(printed).contains("\"transaction_id\":\"both-1\"");
    Map<String, Object> alertsBody = Json.readObject(get("/alerts").body().getBytes());
    assertThat(alertsBody).containsEntry("published", 2);

    // the table holds the valid ones and the poison, nothing invalid, no second copy
    Set<String> accepted = new java.util.HashSet<>(EXPECTED.keySet());
    accepted.add(POISON);
    assertThat(ids(pipeline.names().transactionsTable())).isEqualTo(accepted);
    assertThat(dynamo.scan(s -> s.tableName(pipeline.names().transactionsTable())).count())
        .isEqualTo(accepted.size());
    for (String bad : List.of("bad-amount", "no-amount", "not-json", "float-ts", "huge-1")) {
      assertThat(get("/transactions/" + bad).statusCode()).as(bad).isEqualTo(404);
    }

    // the poison: accepted, stored, unscored, in the scorer's dead-letter queue after 3 attempts;
    // the stream itself never failed
    assertThat(pipeline.scorerDeadLetters().contents())
        .singleElement()
        .satisfies(
            letter -> {
              assertThat(letter.transactionIds()).contains(POISON);
              assertThat(letter.attempts()).isEqualTo(3);
              assertThat(letter.queue()).isEqualTo("fraud-scorer-dlq-local");
              assertThat(letter.reason()).contains("scorer cannot handle");
            });
    assertThat(pipeline.processorDeadLetters().contents()).isEmpty();
    Map<String, Object> poison = Json.readObject(get("/transactions/" + POISON).body().getBytes());
    assertThat(poison).containsEntry("status", "pending").doesNotContainKey("fraud_score");
    Map<String, Object> deadLetters = Json.readObject(get("/dead-letters").body().getBytes());
    assertThat((List<?>) deadLetters.get("fraud-scorer-dlq-local")).hasSize(1);
    assertThat((List<?>) deadLetters.get("transaction-processor-dlq-local")).isEmpty();

    // GET returns what was stored: exact amount, the score and whether it alerted
    HttpResponse<String> found = get("/transactions/elevated-merchant-1");
    assertThat(found.statusCode()).isEqualTo(200);
    Map<String, Object> body = Json.readObject(found.body().getBytes(StandardCharsets.UTF_8));
    assertThat(body)
        .containsEntry("transaction_id", "elevated-merchant-1")
        .containsEntry("merchant", "UNKNOWN vendor")
        .containsEntry("timestamp", 1700000000)
        .containsEntry("status", "scored")
        .containsEntry("alerted", false);
    assertThat(body.get("amount").toString()).isEqualTo("5000.01");
    assertThat(new BigDecimal(body.get("fraud_score").toString()))
        .isEqualByComparingTo(new BigDecimal("0.7"));
    Map<String, Object> alerted =
        Json.readObject(get("/transactions/both-1").body().getBytes(StandardCharsets.UTF_8));
    assertThat(alerted).containsEntry("alerted", true);
    assertThat(get("/transactions/never-sent").statusCode()).isEqualTo(404);
    assertThat(get("/no-such-route").statusCode()).isEqualTo(404);
  }
}
