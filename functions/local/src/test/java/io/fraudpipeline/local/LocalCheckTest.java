package io.fraudpipeline.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.functions.contract.FraudMetrics;
import io.fraudpipeline.functions.contract.Synthetic;
import io.fraudpipeline.functions.contract.TableSchema;
import io.fraudpipeline.functions.json.Json;
import io.fraudpipeline.local.check.LocalCheck;
import io.fraudpipeline.local.http.LocalCallers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code --check-every}: the check handler on its schedule against the local API, its synthetic
 * transactions let through as the check's own, everyone else's refused; the loop visible on the
 * console as EMF lines.
 */
class LocalCheckTest {

  private static LocalPipeline pipeline;
  private static final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    pipeline =
        LocalPipeline.start(
            FastSettings.get().withCheckEvery(Duration.ofSeconds(1)),
            UnaryOperator.identity(),
            new PrintStream(console, true, StandardCharsets.UTF_8));
  }

  @AfterAll
  static void stop() {
    pipeline.close();
  }

  @Test
  void theCheckRunsOnItsScheduleAndSucceedsThroughTheLocalApi() throws InterruptedException {
    LocalCheck check = pipeline.check().orElseThrow();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (check.succeeded() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }

    assertThat(check.succeeded()).as("runs that succeeded").isGreaterThanOrEqualTo(2);
    assertThat(check.failed()).isZero();
    String id = (String) check.last().orElseThrow().get("transaction_id");
    assertThat(id).startsWith(Synthetic.ID_PREFIX);

    Map<String, AttributeValue> item = item(pipeline.names().transactionsTable(), id);
    long expiry = Long.parseLong(item.get(TableSchema.EXPIRY).n());
    assertThat(expiry - Instant.now().getEpochSecond())
        .isBetween(Synthetic.TTL_SECONDS - 60, Synthetic.TTL_SECONDS);
    assertThat(item(pipeline.names().fraudScoresTable(), id)).containsKey("fraud_score");
    assertThat(pipeline.alerts().publishedCount()).isZero();

    List<Map<String, Object>> emf = emfLines();
    assertThat(emf)
        .filteredOn(line -> line.containsKey(FraudMetrics.CHECK_SUCCEEDED))
        .hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(
            line ->
                assertThat(line)
                    .containsEntry(FraudMetrics.PIPELINE, pipeline.names().pipeline())
                    .containsEntry(FraudMetrics.CHECK_SUCCEEDED, 1)
                    .containsKey(FraudMetrics.CHECK_LATENCY));
    assertThat(emf)
        .as("the check's transactions are not counted")
        .noneMatch(
            line ->
                line.containsKey(FraudMetrics.TRANSACTIONS_ACCEPTED)
                    || line.containsKey(FraudMetrics.TRANSACTIONS_SCORED));
  }

  @Test
  void anyoneElseSendingASyntheticIdIsRefusedAndCounted() throws Exception {
    for (String token : new String[] {null, "guessed"}) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(pipeline.baseUri() + "/transactions"))
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"transaction_id\":\"synthetic-forged\",\"timestamp\":1,\"amount\":1}"));
      if (token != null) {
        request.header(LocalCallers.CHECK_HEADER, token);
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.body()).contains("reserved for the pipeline's own check");
    }
    assertThat(item(pipeline.names().transactionsTable(), "synthetic-forged")).isEmpty();
    assertThat(emfLines())
        .anySatisfy(
            line ->
                assertThat(line)
                    .containsEntry(FraudMetrics.REASON, FraudMetrics.REASON_SYNTHETIC_REFUSED)
                    .containsEntry(FraudMetrics.TRANSACTIONS_REJECTED, 1));
  }

  private static List<Map<String, Object>> emfLines() {
    return console
        .toString(StandardCharsets.UTF_8)
        .lines()
        .filter(line -> line.startsWith("{\"_aws\""))
        .map(line -> Json.readObject(line.getBytes(StandardCharsets.UTF_8)))
        .toList();
  }

  private static Map<String, AttributeValue> item(String table, String id) {
    try (DynamoDbClient dynamo = pipeline.dynalite().client()) {
      return dynamo
          .getItem(
              g ->
                  g.tableName(table)
                      .key(Map.of(TableSchema.TRANSACTION_ID, AttributeValue.fromS(id))))
          .item();
    }
  }
}
