package io.fraudpipeline.functions.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.functions.json.Json;
import io.fraudpipeline.functions.processor.stream.StreamDispatcher;
import io.fraudpipeline.functions.store.DynamoDbScoreStore;
import io.fraudpipeline.functions.store.DynamoDbTransactionStore;
import io.fraudpipeline.functions.testing.Events;
import io.fraudpipeline.functions.testing.LocalDynamo;
import io.fraudpipeline.functions.testing.Processors;
import io.fraudpipeline.functions.testing.RecordedMetrics;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Random and malformed requests against the API, from a fixed seed so a failure replays: whatever a
 * client sends, the answer is never a 5xx, and only a 202 adds an item to the table.
 */
class ProcessorApiFuzzTest {

  private static final long SEED = 20261125L;
  private static final int CASES = 400;
  private static final Set<Integer> CLIENT_ANSWERS = Set.of(200, 202, 400, 404, 405, 409, 413);

  private final LocalDynamo.Tables tables = LocalDynamo.freshTables();
  private final TransactionProcessorHandler handler =
      Processors.over(
          new DynamoDbTransactionStore(LocalDynamo.client(), tables.transactions()),
          new DynamoDbScoreStore(LocalDynamo.client(), tables.scores()),
          StreamDispatcher.withConcurrency(
              t -> {
                throw new AssertionError();
              },
              1),
          new RecordedMetrics().metrics());
  private final Random random = new Random(SEED);
  private final List<String> acceptedBodies = new ArrayList<>();

  @Test
  void clientInputNeverGetsA5xxAndOnlyAcceptedBodiesAreWritten() {
    int items = 0;
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (int i = 0; i < CASES; i++) {
      Map<String, Object> event = randomEvent();
      Map<String, Object> response =
          handler.handle(
              Events.api(
                  (String) event.get("m"), (String) event.get("p"), (String) event.get("b")));
      int status = ((Number) response.get("statusCode")).intValue();
      String context = "case " + i + " (seed " + SEED + "): " + event;

      assertThat(CLIENT_ANSWERS).as(context).contains(status);
      Map<String, Object> body =
          Json.readObject(((String) response.get("body")).getBytes(StandardCharsets.UTF_8));
      if (status >= 400) {
        assertThat(body.get("errors")).as(context).asList().isNotEmpty();
      }
      int now = tables.transactionCount();
      assertThat(now).as(context).isEqualTo(status == 202 ? items + 1 : items);
      items = now;
      statuses.merge(status, 1, Integer::sum);
      if (status == 202) {
        acceptedBodies.add((String) event.get("b"));
      }
    }
    System.out.println("fuzz answers by status: " + statuses);
    // the generator must reach every answer, the table included, or the property says little
    assertThat(statuses).containsKeys(200, 202, 400, 404, 405, 409, 413);
    assertThat(statuses.get(202)).isGreaterThan(CASES / 20);
  }

  private Map<String, Object> randomEvent() {
    Map<String, Object> event = new LinkedHashMap<>();
    int kind = random.nextInt(10);
    event.put("m", kind == 0 ? pick("GET", "PUT", "DELETE", "PATCH", "post", "") : "POST");
    event.put(
        "p",
        kind == 1
            ? pick("/", "/transaction", "/transactions/x/y", "/TRANSACTIONS", "")
            : "/transactions");
    event.put("b", randomBody());
    return event;
  }

  private String randomBody() {
    return switch (random.nextInt(6)) {
      case 0 -> randomText(random.nextInt(200));
      case 1 -> truncate(Json.write(validish()));
      case 2 ->
          random.nextBoolean()
              ? null
              : random.nextBoolean() ? "" : "{\"merchant\":\"" + "m".repeat(70_000) + "\"}";
      case 3 ->
          // a client retrying a request that went through
          acceptedBodies.isEmpty()
              ? Json.write(validish())
              : acceptedBodies.get(random.nextInt(acceptedBodies.size()));
      default -> Json.write(validish());
    };
  }

  /** A mostly valid transaction with a few fields dropped, retyped or pushed past a limit. */
  private Map<String, Object> validish() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "transaction_id", random.nextInt(8) == 0 ? randomValue() : "fz-" + random.nextInt(150));
    body.put(
        "timestamp", random.nextInt(8) == 0 ? randomValue() : 1_700_000_000L + random.nextInt(3));
    body.put("amount", random.nextInt(8) == 0 ? randomValue() : amount());
    if (random.nextBoolean()) {
      body.put(
          "merchant",
          random.nextInt(4) == 0 ? randomValue() : pick("Amazon", "crypto", "Offshore"));
    }
    if (random.nextInt(4) == 0) {
      body.put(pick("currency", "card_id", "extra", "AMOUNT"), randomValue());
    }
    if (random.nextInt(6) == 0) {
      body.remove(pick("transaction_id", "timestamp", "amount"));
    }
    return body;
  }

  private Object amount() {
    return new BigDecimal(random.nextInt(20_000) + "." + random.nextInt(100));
  }

  private Object randomValue() {
    return switch (random.nextInt(12)) {
      case 0 -> null;
      case 1 -> random.nextBoolean();
      case 2 -> random.nextLong();
      case 3 -> -random.nextDouble();
      case 4 -> new BigDecimal("1e" + (random.nextInt(800) - 400));
      case 5 -> List.of(1, "two");
      case 6 -> Map.of("nested", Map.of("deeper", 1));
      case 7 -> "x".repeat(random.nextInt(400));
      case 8 -> randomText(20);
      case 9 -> "EUR";
      case 10 -> new BigInteger(200, random);
      default -> "";
    };
  }

  private String randomText(int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      // printable ASCII, JSON punctuation, controls and a few non-ASCII letters
      int pick = random.nextInt(10);
      text.append(
          pick < 6
              ? (char) (32 + random.nextInt(95))
              : pick < 8
                  ? "{}[]\":,".charAt(random.nextInt(7))
                  : pick < 9 ? (char) random.nextInt(32) : 'é');
    }
    return text.toString();
  }

  private String truncate(String json) {
    return json.substring(0, random.nextInt(Math.max(json.length(), 1)));
  }

  private String pick(String... options) {
    return options[random.nextInt(options.length)];
  }
}
