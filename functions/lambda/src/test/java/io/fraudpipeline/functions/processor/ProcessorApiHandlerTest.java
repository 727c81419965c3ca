package io.fraudpipeline.functions.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.functions.json.Json;
import io.fraudpipeline.functions.model.FraudScore;
import io.fraudpipeline.functions.processor.stream.StreamDispatcher;
import io.fraudpipeline.functions.store.DynamoDbScoreStore;
import io.fraudpipeline.functions.store.DynamoDbTransactionStore;
import io.fraudpipeline.functions.testing.Events;
import io.fraudpipeline.functions.testing.LocalDynamo;
import io.fraudpipeline.functions.testing.Processors;
import io.fraudpipeline.functions.testing.RecordedMetrics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API half of the processor, end to end through the handler against Dynalite. */
class ProcessorApiHandlerTest {

  private static final String EXAMPLE =
      "{\"transaction_id\": \"txn-123\", \"timestamp\": 1234567890, \"amount\": 5000,"
          + " \"merchant\": \"Amazon\"}";

  private final RecordedMetrics metrics = new RecordedMetrics();
  private final LocalDynamo.Tables tables = LocalDynamo.freshTables();
  private final DynamoDbScoreStore scores =
      new DynamoDbScoreStore(LocalDynamo.client(), tables.scores());
  private final TransactionProcessorHandler handler =
      Processors.over(
          new DynamoDbTransactionStore(LocalDynamo.client(), tables.transactions()),
          scores,
          StreamDispatcher.withConcurrency(
              t -> {
                throw new AssertionError("the API never invokes the scorer");
              },
              1),
          metrics.metrics());

  /** Runs the event through the byte-stream entry point Lambda calls. */
  private Response call(Map<String, Object> event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(new ByteArrayInputStream(Events.bytes(event)), out, null);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    Map<String, Object> response = Json.readObject(out.toByteArray());
    @SuppressWarnings("unchecked")
    Map<String, String> headers = (Map<String, String>) response.get("headers");
    return new Response(
        ((Number) response.get("statusCode")).intValue(),
        headers,
        Json.readObject(((String) response.get("body")).getBytes(StandardCharsets.UTF_8)));
  }

  private record Response(int status, Map<String, String> headers, Map<String, Object> body) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> errors() {
      return (List<Map<String, Object>>) body.get("errors");
    }
  }

  private Response post(String body) {
    return call(Events.api("POST", "/transactions", body));
  }

  @Test
  void acceptsATransactionAndWritesItOnce() {
    Response first = post(EXAMPLE);

    assertThat(first.status()).isEqualTo(202);
    assertThat(first.body())
        .containsEntry("transaction_id", "txn-123")
        .containsEntry("status", "accepted");
    assertThat(first.headers()).containsEntry("Content-Type", "application/json");
    assertThat(tables.transactionCount()).isEqualTo(1);
  }

  @Test
  void theSameTransactionAgainIsOkAndWritesNothing() {
    post(EXAMPLE);
    // same content, other spelling of the amount and key order
    Response again =
        post(
            "{\"merchant\":\"Amazon\",\"amount\":5000.00,\"timestamp\":1234567890,"
                + "\"transaction_id\":\"txn-123\"}");

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body()).containsEntry("status", "already_accepted");
    assertThat(tables.transactionCount()).isEqualTo(1);
  }

  @Test
  void reusingAnIdForOtherContentIsAConflict() {
    post(EXAMPLE);

    Response otherAmount =
        post(
            "{\"transaction_id\":\"txn-123\",\"timestamp\":1234567890,\"amount\":5001,\"merchant\":\"Amazon\"}");
    Response otherTimestamp =
        post(
            "{\"transaction_id\":\"txn-123\",\"timestamp\":1234567891,\"amount\":5000,\"merchant\":\"Amazon\"}");

    assertThat(otherAmount.status()).isEqualTo(409);
    assertThat(otherAmount.errors())
        .singleElement()
        .satisfies(e -> assertThat(e).containsEntry("field", "transaction_id"));
    // a different timestamp would be a different key in the table: still refused
    assertThat(otherTimestamp.status()).isEqualTo(409);
    assertThat(tables.transactionCount()).isEqualTo(1);
  }

  @Test
  void invalidBodiesGet400WithTheFieldAndNoWrite() {
    Response response =
        post("{\"transaction_id\":\"bad id!\",\"timestamp\":\"soon\",\"amount\":-5}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errors())
        .extracting(e -> e.get("field"))
        .containsExactlyInAnyOrder("transaction_id", "timestamp", "amount");
    assertThat(response.errors())
        .allSatisfy(e -> assertThat(e.get("message")).asString().isNotBlank());
    assertThat(post("not json").errors())
        .singleElement()
        .satisfies(e -> assertThat(e).containsEntry("field", "body"));
    assertThat(post(null).status()).isEqualTo(400);
    assertThat(post("").status()).isEqualTo(400);
    assertThat(tables.transactionCount()).isZero();
  }

  @Test
  void bodiesOver64KiBGet413() {
    String padding = "x".repeat(64 * 1024);
    Response tooLarge =
        post(
            "{\"transaction_id\":\"t\",\"timestamp\":1,\"amount\":1,\"merchant\":\""
                + padding
                + "\"}");
    // 64 KiB of characters that are 2 bytes each in UTF-8: the limit counts bytes
    Response wide = post("\"" + "é".repeat(33 * 1024) + "\"");

    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.errors())
        .singleElement()
        .satisfies(e -> assertThat(e).containsEntry("field", "body"));
    assertThat(wide.status()).isEqualTo(413);
    assertThat(tables.transactionCount()).isZero();
  }

  @Test
  void readsBase64Bodies() {
    Map<String, Object> event =
        Events.api(
            "POST",
            "/transactions",
            Base64.getEncoder().encodeToString(EXAMPLE.getBytes(StandardCharsets.UTF_8)));
    event.put("isBase64Encoded", true);
    assertThat(call(event).status()).isEqualTo(202);

    Map<String, Object> broken = Events.api("POST", "/transactions", "%%%not base64");
    broken.put("isBase64Encoded", true);
    Response notBase64 = call(broken);
    assertThat(notBase64.status()).isEqualTo(400);
    assertThat(notBase64.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.get("message")).asString().contains("not valid base64"));
  }

  @Test
  void unknownRoutesAre404AndWrongMethods405() {
    assertThat(call(Events.api("POST", "/payments", EXAMPLE)).status()).isEqualTo(404);
    assertThat(call(Events.api("GET", "/transactions/a/b", null)).status()).isEqualTo(404);
    Response wrongMethod = call(Events.api("DELETE", "/transactions", null));
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.headers()).containsEntry("Allow", "POST");
    Response putOne = call(Events.api("PUT", "/transactions/txn-123", EXAMPLE));
    assertThat(putOne.status()).isEqualTo(405);
    assertThat(putOne.headers()).containsEntry("Allow", "GET, HEAD");
    assertThat(putOne.errors())
        .singleElement()
        .satisfies(e -> assertThat(e).containsEntry("field", "method"));
    assertThat(tables.transactionCount()).isZero();
  }

  @Test
  void getsATransactionAndItsScoreOnceScored() {
    post(EXAMPLE);

    Response pending = call(Events.getTransaction("txn-123"));
    assertThat(pending.status()).isEqualTo(200);
    assertThat(pending.body())
        .containsEntry("transaction_id", "txn-123")
        .containsEntry("timestamp", 1234567890)
        .containsEntry("merchant", "Amazon")
        .containsEntry("status", "pending")
        .doesNotContainKeys("fraud_score", "alerted");
    assertThat((BigDecimal) new BigDecimal(pending.body().get("amount").toString()))
        .isEqualByComparingTo("5000");

    scores.putIfAbsent(
        new FraudScore(
            "txn-123",
            new BigDecimal("0.3"),
            1234567890L,
            new BigDecimal("5000"),
            "Amazon",
            1L,
            2L,
            false,
            false));
    Response scored = call(Events.getTransaction("txn-123"));
    assertThat(scored.body()).containsEntry("status", "scored").containsEntry("alerted", false);
    assertThat(new BigDecimal(scored.body().get("fraud_score").toString()))
        .isEqualByComparingTo("0.3");
  }

  @Test
  void getRoutesByPathWhenThereAreNoPathParameters() {
    post(EXAMPLE);

    assertThat(call(Events.api("GET", "/transactions/txn-123", null)).status()).isEqualTo(200);
    assertThat(call(Events.api("GET", "/transactions/txn-123/", null)).status()).isEqualTo(200);
  }

  @Test
  void unknownTransactionsAre404AndBadIds400NamingTheFieldAsTheBodyDoes() {
    Response unknown = call(Events.getTransaction("txn-404"));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.errors())
        .singleElement()
        .satisfies(e -> assertThat(e).containsEntry("field", "transaction_id"));
    Response bad = call(Events.getTransaction("bad id"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.errors())
        .singleElement()
        .satisfies(e -> assertThat(e).containsEntry("field", "transaction_id"));
  }

  @Test
  void headIsAnsweredAsGet() {
    post(EXAMPLE);

    Map<String, Object> head = Events.getTransaction("txn-123");
    head.put("httpMethod", "HEAD");
    assertThat(call(head).status()).isEqualTo(200);
  }

  private Response postAs(String contentType, String body) {
    Map<String, Object> event = Events.api("POST", "/transactions", body);
    event.put("headers", contentType == null ? Map.of() : Map.of("content-type", contentType));
    return call(event);
  }

  @Test
  void aDeclaredBodyOtherThanJsonIs415AndAnUndeclaredOneIsReadAsJson() {
    for (String type :
        List.of("text/plain", "application/x-www-form-urlencoded", "application/xml")) {
      Response refused = postAs(type, EXAMPLE);
      assertThat(refused.status()).as(type).isEqualTo(415);
      assertThat(refused.errors())
          .singleElement()
          .satisfies(
              e ->
                  assertThat(e)
                      .containsEntry("field", "Content-Type")
                      .extractingByKey("message")
                      .asString()
                      .contains(type));
    }
    assertThat(tables.transactionCount()).isZero();

    assertThat(postAs("application/json; charset=utf-8", EXAMPLE).status()).isEqualTo(202);
    assertThat(postAs(null, EXAMPLE.replace("txn-123", "txn-124")).status()).isEqualTo(202);
    assertThat(
            postAs("application/merge-patch+json", EXAMPLE.replace("txn-123", "txn-125")).status())
        .isEqualTo(202);
  }
}
