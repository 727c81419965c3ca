package io.fraudpipeline.functions.scorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudpipeline.functions.contract.FraudMetrics;
import io.fraudpipeline.functions.contract.Synthetic;
import io.fraudpipeline.functions.json.Json;
import io.fraudpipeline.functions.model.FraudScore;
import io.fraudpipeline.functions.model.ScoringPayload;
import io.fraudpipeline.functions.model.Transaction;
import io.fraudpipeline.functions.store.DynamoDbScoreStore;
import io.fraudpipeline.functions.testing.EmfSpec;
import io.fraudpipeline.functions.testing.LocalDynamo;
import io.fraudpipeline.functions.testing.RecordedMetrics;
import io.fraudpipeline.functions.testing.SigV4Check;
import io.fraudpipeline.functions.testing.StubAwsEndpoint;
import io.fraudpipeline.functions.testing.StubAwsEndpoint.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.SnsException;

/**
 * The scorer end to end: Dynalite for the scores, the real SNS client publishing to a loopback
 * endpoint that checks the request as SNS would receive it.
 */
class FraudScorerHandlerTest {

  private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:fraud-alerts-test";
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  private final LocalDynamo.Tables tables = LocalDynamo.freshTables();
  private final DynamoDbScoreStore scores =
      new DynamoDbScoreStore(LocalDynamo.client(), tables.scores());
  private final StubAwsEndpoint sns = new StubAwsEndpoint(StubAwsEndpoint::snsPublished);
  private final RecordedMetrics metrics = new RecordedMetrics();
  private final FraudScorerHandler handler =
      new FraudScorerHandler(
          new FraudScorer(
              ScoringConfig.defaults(),
              scores,
              new SnsAlertPublisher(sns.snsClient(), TOPIC),
              Clock.fixed(NOW, ZoneOffset.UTC)),
          metrics.metrics());

  @AfterEach
  void stop() {
    sns.close();
  }

  private static Transaction transaction(String id, String amount, String merchant) {
    return new Transaction(id, 1700000000L, new BigDecimal(amount), merchant, null, null);
  }

  private static byte[] payload(String id, String amount, String merchant) {
    return ScoringPayload.toJson(List.of(transaction(id, amount, merchant)));
  }

  /** The result of an event of one transaction. */
  private Map<String, Object> deliver(byte[] payload) {
    List<Map<String, Object>> results = deliverAll(payload);
    assertThat(results).hasSize(1);
    return results.get(0);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> deliverAll(byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(new ByteArrayInputStream(payload), out, null);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return (List<Map<String, Object>>) Json.readObject(out.toByteArray()).get("transactions");
  }

  @Test
  void aSyntheticTransactionIsScoredButNeverAlertedExpiresWithinTheHourAndIsNotCounted() {
    Map<String, Object> result = deliver(payload("synthetic-1", "20000", "crypto"));

    assertThat(result).containsEntry("stored", true).containsEntry("published", false);
    FraudScore score = scores.find("synthetic-1").orElseThrow();
    assertThat(score.alertDue()).as("the rules apply as to any transaction").isTrue();
    assertThat(score.alerted()).isFalse();
    assertThat(score.expiry()).isEqualTo(NOW.getEpochSecond() + Synthetic.TTL_SECONDS);
    assertThat(sns.requests()).isEmpty();
    // delivered again: still no alert, no duplicate counted
    deliver(payload("synthetic-1", "20000", "crypto"));
    assertThat(sns.requests()).isEmpty();
    assertThat(metrics.lines()).isEmpty();
  }

  @Test
  void anInvocationWritesOneLineUnderThePipelineAndOnePerScoreBucketMet() {
    byte[] batch =
        ScoringPayload.toJson(
            List.of(
                transaction("b-calm", "10", "Bakery"),
                transaction("b-calm-2", "20", "Bakery"),
                transaction("b-elevated", "6000", "Bakery"),
                transaction("b-alert", "20000", "crypto"),
                transaction("synthetic-b", "20000", "crypto")));

    deliverAll(batch);
    deliverAll(payload("b-calm", "10", "Bakery"));

    List<Map<String, Object>> lines = metrics.lines();
    assertThat(lines).allSatisfy(EmfSpec::check);
    Map<String, Object> totals = lines.get(0);
    assertThat(totals)
        .containsEntry("Pipeline", RecordedMetrics.PIPELINE)
        .containsEntry(FraudMetrics.TRANSACTIONS_SCORED, 4)
        .containsEntry(FraudMetrics.ALERTS_RAISED, 1)
        .containsEntry(FraudMetrics.DUPLICATE_DELIVERIES, 0)
        .containsEntry(FraudMetrics.ALERT_RATE, List.of(0, 0, 0, 100));
    // from the transactions' timestamp (1700000000) to the fixed clock's now
    long latency = (NOW.getEpochSecond() - 1700000000L) * 1000;
    assertThat(totals.get(FraudMetrics.SCORING_LATENCY))
        .isEqualTo(List.of(latency, latency, latency, latency));
    assertThat(lines.subList(1, 4))
        .extracting(
            line -> line.get(FraudMetrics.SCORE_BUCKET),
            line -> line.get(FraudMetrics.TRANSACTIONS_SCORED))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("0.0-0.2", 2),
            org.assertj.core.groups.Tuple.tuple("0.2-0.4", 1),
            org.assertj.core.groups.Tuple.tuple("0.8-1.0", 1));
    // the second invocation: a duplicate delivery, nothing scored
    assertThat(lines).hasSize(5);
    assertThat(lines.get(4))
        .containsEntry(FraudMetrics.DUPLICATE_DELIVERIES, 1)
        .containsEntry(FraudMetrics.TRANSACTIONS_SCORED, 0);
  }

  @Test
  void storesTheScoreWithItsExpiryAndNoAlertBelowTheThreshold() {
    Map<String, Object> result = deliver(payload("t-low", "6000", "Amazon"));

    assertThat(result).containsEntry("stored", true).containsEntry("published", false);
    FraudScore score = scores.find("t-low").orElseThrow();
    assertThat(score.score()).isEqualByComparingTo("0.3");
    assertThat(score.amount()).isEqualByComparingTo("6000");
    assertThat(score.scoredAt()).isEqualTo(NOW.getEpochSecond());
    assertThat(score.expiry()).isEqualTo(NOW.getEpochSecond() + 30L * 24 * 3600);
    assertThat(score.alertDue()).isFalse();
    assertThat(sns.requests()).isEmpty();
  }

  @Test
  void buildsTheSnsClientAtTheFirstAlertOnly() throws IOException {
    AtomicInteger built = new AtomicInteger();
    FraudScorerHandler lazy =
        new FraudScorerHandler(
            new FraudScorer(
                ScoringConfig.defaults(),
                scores,
                new SnsAlertPublisher(
                    () -> {
                      built.incrementAndGet();
                      return sns.snsClient();
                    },
                    TOPIC),
                Clock.fixed(NOW, ZoneOffset.UTC)),
            metrics.metrics());

    lazy.handleRequest(
        new ByteArrayInputStream(payload("t-lazy-low", "10", "Amazon")),
        new ByteArrayOutputStream(),
        null);
    assertThat(built).as("no alert, no client").hasValue(0);
    for (String id : List.of("t-lazy-high-1", "t-lazy-high-2")) {
      lazy.handleRequest(
          new ByteArrayInputStream(payload(id, "10000.01", "Offshore Ltd")),
          new ByteArrayOutputStream(),
          null);
    }
    assertThat(built).as("one client for every alert").hasValue(1);
    assertThat(sns.requests()).hasSize(2);
  }

  @Test
  void publishesAnAlertSnsAcceptsAndSubscriptionsCanFilter() {
    Map<String, Object> result = deliver(payload("t-high", "10000.01", "Offshore Ltd"));

    assertThat(result).containsEntry("published", true);
    StubAwsEndpoint.Request publish = sns.requests().get(0);
    assertThat(SigV4Check.verify(publish, "test")).isEqualTo("sns");
    Map<String, String> form = publish.form();
    assertThat(form)
        .containsEntry("Action", "Publish")
        .containsEntry("TopicArn", TOPIC)
        .containsEntry("Subject", "Fraud Alert");
    Map<String, Object> message =
        Json.readObject(form.get("Message").getBytes(StandardCharsets.UTF_8));
    assertThat(message)
        .containsEntry("transaction_id", "t-high")
        .containsEntry("merchant", "Offshore Ltd")
        .containsEntry("timestamp", 1700000000);
    assertThat(message.get("amount").toString()).isEqualTo("10000.01");
    assertThat(new BigDecimal(message.get("fraud_score").toString())).isEqualByComparingTo("0.9");
    assertThat(attributes(form))
        .containsEntry("transaction_id", "String=t-high")
        .containsEntry("merchant", "String=Offshore Ltd")
        .containsEntry("fraud_score", "Number=0.9")
        .containsEntry("amount", "Number=10000.01")
        .containsEntry("event_type", "String=fraud_alert");
    assertThat(scores.find("t-high").orElseThrow().alerted()).isTrue();
  }

  @Test
  void aRepeatedDeliveryStoresOneScoreAndPublishesOneAlert() {
    byte[] payload = payload("t-twice", "20000", "crypto");

    deliver(payload);
    Map<String, Object> again = deliver(payload);

    assertThat(again).containsEntry("stored", false).containsEntry("published", false);
    assertThat(tables.scoreCount()).isEqualTo(1);
    assertThat(sns.requests()).hasSize(1);
  }

  @Test
  void concurrentDeliveriesStillPublishOnce() throws Exception {
    byte[] payload = payload("t-race", "20000", "crypto");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Map<String, Object>>> deliveries =
          List.of(
              () -> deliver(payload),
              () -> deliver(payload),
              () -> deliver(payload),
              () -> deliver(payload));
      for (var future : pool.invokeAll(deliveries)) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }

    assertThat(tables.scoreCount()).isEqualTo(1);
    assertThat(sns.requests()).hasSize(1);
  }

  @Test
  void aFailedPublishIsRetriedByTheNextDeliveryOnly() {
    sns.respondWith(FraudScorerHandlerTest::snsFails);
    byte[] payload = payload("t-retry", "20000", "crypto");

    assertThatThrownBy(() -> deliver(payload))
        .isInstanceOf(FraudScorerHandler.ScoringFailedException.class)
        .hasMessageContaining("t-retry")
        .hasCauseInstanceOf(SnsException.class);
    assertThat(scores.find("t-retry").orElseThrow().alerted()).isFalse();

    sns.respondWith(StubAwsEndpoint::snsPublished);
    assertThat(deliver(payload)).containsEntry("stored", false).containsEntry("published", true);
    assertThat(deliver(payload)).containsEntry("published", false);
    assertThat(sns.requests()).hasSize(2);
    assertThat(tables.scoreCount()).isEqualTo(1);
  }

  @Test
  void anEventScoresEveryTransactionAndFailsNamingOnlyThoseThatFailed() {
    sns.respondWith(FraudScorerHandlerTest::snsFails);
    byte[] event =
        ScoringPayload.toJson(
            List.of(
                transaction("b-low", "10", "Bakery"),
                transaction("b-high-1", "20000", "crypto"),
                transaction("b-high-2", "30000", "Offshore Ltd")));

    assertThatThrownBy(() -> deliverAll(event))
        .isInstanceOf(FraudScorerHandler.ScoringFailedException.class)
        .hasMessageStartingWith("2 transaction(s) not scored (1 scored)")
        .hasMessageContaining("b-high-1")
        .hasMessageContaining("b-high-2")
        .message()
        .doesNotContain("b-low");
    assertThat(tables.scoreCount()).isEqualTo(3);

    // the retry of the same event finishes the two alerts and stores nothing twice
    sns.respondWith(StubAwsEndpoint::snsPublished);
    assertThat(deliverAll(event))
        .extracting(r -> r.get("transaction_id") + "=" + r.get("published"))
        .containsExactly("b-low=false", "b-high-1=true", "b-high-2=true");
    assertThat(tables.scoreCount()).isEqualTo(3);
  }

  @Test
  void aSingleTransactionObjectIsReadAsAnEventOfOne() {
    byte[] single =
        ("{\"transaction_id\":\"t-single\",\"timestamp\":1700000000,\"amount\":\"6000\","
                + "\"merchant\":\"Amazon\"}")
            .getBytes(StandardCharsets.UTF_8);

    assertThat(deliver(single))
        .containsEntry("transaction_id", "t-single")
        .containsEntry("stored", true);
  }

  @Test
  void anUnreadablePayloadFailsTheInvocationAndWritesNothing() {
    assertThatThrownBy(() -> deliver("{\"transaction_id\":\"t\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timestamp");
    assertThatThrownBy(() -> deliver("[]".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("scoring payload");
    assertThatThrownBy(
            () ->
                deliver(
                    "{\"transactions\":[{\"transaction_id\":\"t\",\"timestamp\":1,\"amount\":\"1\"},7]}"
                        .getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("transactions[1] must be an object");
    assertThatThrownBy(
            () ->
                deliver(
                    "{\"transactions\":[{\"transaction_id\":\"t\",\"timestamp\":1.5,\"amount\":\"1\"}]}"
                        .getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("transactions[0].timestamp must be an integer");
    assertThat(tables.scoreCount()).isZero();
  }

  private static Response snsFails(StubAwsEndpoint.Request request) {
    return new Response(
        500,
        "text/xml",
        "<ErrorResponse><Error><Type>Receiver</Type><Code>InternalError</Code>"
            + "<Message>boom</Message></Error><RequestId>r</RequestId></ErrorResponse>");
  }

  /** Message attributes of a query-protocol Publish, as name to "DataType=value". */
  private static Map<String, String> attributes(Map<String, String> form) {
    Map<String, String> attributes = new HashMap<>();
    for (int i = 1; form.containsKey("MessageAttributes.entry." + i + ".Name"); i++) {
      String prefix = "MessageAttributes.entry." + i;
      attributes.put(
          form.get(prefix + ".Name"),
          form.get(prefix + ".Value.DataType") + "=" + form.get(prefix + ".Value.StringValue"));
    }
    return attributes;
  }
}
