package io.fraudpipeline.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Many clients submitting one transaction id at once, through the local HTTP API into Dynalite: one
 * conditional put decides which request wins, whatever the timestamps.
 */
class ConcurrentSubmissionsTest {

  private static final int CLIENTS = 50;

  private static LocalPipeline pipeline;
  private static DynamoDbClient dynamo;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    pipeline =
        LocalPipeline.start(
            FastSettings.get(),
            scorer -> scorer,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    dynamo = pipeline.dynalite().client();
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

  /** A transaction that scores 0.9 (high amount, high-risk merchant), so it alerts. */
  private static String body(String id, long timestamp) {
    return "{\"transaction_id\":\""
        + id
        + "\",\"timestamp\":"
        + timestamp
        + ",\"amount\":20000,\"merchant\":\"crypto-exchange\"}";
  }

  /** Sends the bodies all at once and counts the answers by status code. */
  private static Map<Integer, Integer> postAtOnce(IntFunction<String> bodies) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        HttpRequest request =
            HttpRequest.newBuilder(pipeline.baseUri().resolve("/transactions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(bodies.apply(i)))
                .build();
        answers.add(
            pool.submit(
                () -> {
                  go.await();
                  return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                }));
      }
      go.countDown();
      Map<Integer, Integer> counts = new TreeMap<>();
      for (Future<Integer> answer : answers) {
        counts.merge(answer.get(), 1, Integer::sum);
      }
      return counts;
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<Map<String, AttributeValue>> items(String table, String id) {
    return dynamo.scan(s -> s.tableName(table).consistentRead(true)).items().stream()
        .filter(item -> item.get("transaction_id").s().equals(id))
        .toList();
  }

  private static void awaitScored(String id) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (items(pipeline.names().fraudScoresTable(), id).isEmpty()) {
      assertThat(Instant.now()).as("waiting for the score of " + id).isBefore(deadline);
      Thread.sleep(20);
    }
    assertThat(pipeline.scorerInvocations().awaitIdle(Duration.ofSeconds(10))).isTrue();
  }

  private static long alertsFor(String id) {
    return pipeline.alerts().latest().stream()
        .filter(alert -> id.equals(alert.get("transaction_id")))
        .count();
  }

  @Test
  void oneIdWithDifferentTimestampsIsAcceptedOnceAndConflictsOtherwise() throws Exception {
    Map<Integer, Integer> statuses = postAtOnce(i -> body("race-ts", 1700000000L + i));

    assertThat(statuses).isEqualTo(Map.of(202, 1, 409, CLIENTS - 1));
    awaitScored("race-ts");
    assertThat(items(pipeline.names().transactionsTable(), "race-ts")).hasSize(1);
    assertThat(items(pipeline.names().fraudScoresTable(), "race-ts")).hasSize(1);
    assertThat(alertsFor("race-ts")).isEqualTo(1);
  }

  @Test
  void theSameBodyManyTimesIsAcceptedOnceAndAcknowledgedOtherwise() throws Exception {
    Map<Integer, Integer> statuses = postAtOnce(i -> body("race-same", 1700000000L));

    assertThat(statuses).isEqualTo(Map.of(202, 1, 200, CLIENTS - 1));
    awaitScored("race-same");
    assertThat(items(pipeline.names().transactionsTable(), "race-same")).hasSize(1);
    assertThat(items(pipeline.names().fraudScoresTable(), "race-same")).hasSize(1);
    assertThat(alertsFor("race-same")).isEqualTo(1);
  }
}
