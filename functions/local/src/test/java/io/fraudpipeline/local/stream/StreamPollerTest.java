package io.fraudpipeline.local.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.functions.json.Json;
import io.fraudpipeline.local.deadletter.DeadLetter;
import io.fraudpipeline.local.deadletter.DeadLetterQueue;
import io.fraudpipeline.local.lambda.LocalFunction;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The event source mapping's semantics, against a scripted stream function. */
class StreamPollerTest {

  private final ShardLog log = new ShardLog();
  private final DeadLetterQueue dlq = new DeadLetterQueue("transaction-processor-dlq-test");

  /** Every invocation's batch, as the ids of its records, and a script deciding the answer. */
  private static final class ScriptedFunction implements LocalFunction {
    final List<List<String>> batches = new ArrayList<>();
    final Function<List<String>, Object> script;

    ScriptedFunction(Function<List<String>, Object> script) {
      this.script = script;
    }

    @Override
    @SuppressWarnings("unchecked")
    public byte[] invoke(byte[] event) {
      List<Map<String, Object>> records =
          (List<Map<String, Object>>) Json.readObject(event).get("Records");
      List<String> ids = records.stream().map(ScriptedFunction::id).toList();
      batches.add(ids);
      Object answer = script.apply(ids);
      if (answer instanceof RuntimeException e) {
        throw e;
      }
      return Json.writeBytes(answer);
    }

    @SuppressWarnings("unchecked")
    private static String id(Map<String, Object> record) {
      Map<String, Object> dynamodb = (Map<String, Object>) record.get("dynamodb");
      Map<String, Object> keys = (Map<String, Object>) dynamodb.get("Keys");
      return (String) ((Map<String, Object>) keys.get("transaction_id")).get("S");
    }
  }

  private final Map<String, String> sequenceOf = new java.util.HashMap<>();

  private void write(String eventName, String... ids) {
    for (String id : ids) {
      ShardRecord r =
          log.append(
              sequence ->
                  new ShardRecord(
                      sequence,
                      eventName,
                      Map.of(
                          "eventName",
                          eventName,
                          "dynamodb",
                          Map.of(
                              "SequenceNumber",
                              sequence,
                              "Keys",
                              Map.of("transaction_id", Map.of("S", id))))));
      sequenceOf.put(id, r.sequenceNumber());
    }
  }

  private Map<String, Object> failures(String... ids) {
    return Map.of(
        "batchItemFailures",
        List.of(ids).stream().map(id -> Map.of("itemIdentifier", sequenceOf.get(id))).toList());
  }

  private StreamPoller poller(ScriptedFunction function, int batchSize, int maxRetries) {
    return new StreamPoller(
        log,
        function,
        dlq,
        new StreamMappingSettings(batchSize, maxRetries, Duration.ZERO, Duration.ZERO),
        Clock.systemUTC());
  }

  private static void drain(StreamPoller poller) throws InterruptedException {
    while (poller.pollOnce(Duration.ZERO) > 0) {
      // until the log is empty
    }
  }

  @Test
  void deliversInsertsInOrderInBatchesOfTheBatchSize() throws Exception {
    write("INSERT", "a", "b", "c");
    write("MODIFY", "m");
    write("INSERT", "d", "e");
    ScriptedFunction function = new ScriptedFunction(ids -> Map.of("batchItemFailures", List.of()));

    StreamPoller poller = poller(function, 2, 5);
    drain(poller);

    // the MODIFY is filtered out, as the operator's INSERT-only filter does
    assertThat(function.batches)
        .containsExactly(List.of("a", "b"), List.of("c"), List.of("d", "e"));
    assertThat(poller.deliveredCount()).isEqualTo(5);
    assertThat(dlq.contents()).isEmpty();
  }

  @Test
  void partialFailureRetriesFromTheFirstFailedRecordKeepingThoseBeforeIt() throws Exception {
    write("INSERT", "a", "b", "c", "d");
    List<String> failOnce = new ArrayList<>(List.of("c", "b"));
    ScriptedFunction function =
        new ScriptedFunction(
            ids -> {
              // the first time, c and b fail (reported out of order); afterwards all succeed
              if (ids.containsAll(failOnce) && !failOnce.isEmpty()) {
                Map<String, Object> answer = failures(failOnce.toArray(String[]::new));
                failOnce.clear();
                return answer;
              }
              return Map.of();
            });

    StreamPoller poller = poller(function, 10, 5);
    drain(poller);

    assertThat(function.batches)
        .containsExactly(List.of("a", "b", "c", "d"), List.of("b", "c", "d"));
    assertThat(poller.deliveredCount()).isEqualTo(4);
    assertThat(dlq.contents()).isEmpty();
  }

  @Test
  void functionErrorBisectsUntilThePoisonRecordIsAloneThenDeadLettersItAfterTheRetryLimit()
      throws Exception {
    write("INSERT", "a", "b", "poison", "d");
    ScriptedFunction function =
        new ScriptedFunction(
            ids ->
                ids.contains("poison")
                    ? new IllegalStateException("cannot process poison")
                    : Map.of("batchItemFailures", List.of()));

    StreamPoller poller = poller(function, 10, 2);
    drain(poller);

    assertThat(function.batches)
        .containsExactly(
            List.of("a", "b", "poison", "d"),
            List.of("a", "b"),
            List.of("poison", "d"),
            List.of("poison"),
            // bisection costs no retry: the lone record gets its own 1 + 2 attempts
            List.of("poison"),
            List.of("poison"),
            List.of("d"));
    assertThat(dlq.contents())
        .singleElement()
        .satisfies(
            letter -> {
              assertThat(letter.transactionIds()).containsExactly("poison");
              assertThat(letter.reference()).isEqualTo(sequenceOf.get("poison"));
              assertThat(letter.attempts()).isEqualTo(3);
              assertThat(letter.reason()).contains("cannot process poison");
              assertThat(letter.queue()).isEqualTo("transaction-processor-dlq-test");
            });
    assertThat(poller.deliveredCount()).isEqualTo(3);
  }

  @Test
  void aRecordThatKeepsBeingReportedGoesToTheDeadLetterQueueAndDeliveryMovesOn() throws Exception {
    write("INSERT", "a", "bad", "c");
    write("INSERT", "later");
    ScriptedFunction function =
        new ScriptedFunction(ids -> ids.contains("bad") ? failures("bad") : Map.of());

    StreamPoller poller = poller(function, 3, 1);
    drain(poller);

    // first try, then one retry from "bad"; then bad and everything after it in the batch is dead
    assertThat(function.batches)
        .containsExactly(List.of("a", "bad", "c"), List.of("bad", "c"), List.of("later"));
    assertThat(dlq.contents())
        .flatExtracting(DeadLetter::transactionIds)
        .containsExactly("bad", "c");
    assertThat(poller.deliveredCount()).isEqualTo(2);
  }

  @Test
  void aResponseNamingNoRecordOfTheBatchFailsTheWholeBatch() throws Exception {
    write("INSERT", "a");
    List<Integer> calls = new ArrayList<>();
    ScriptedFunction function =
        new ScriptedFunction(
            ids -> {
              calls.add(1);
              return calls.size() == 1
                  ? Map.of("batchItemFailures", List.of(Map.of("itemIdentifier", "no-such")))
                  : Map.of();
            });

    StreamPoller poller = poller(function, 10, 3);
    drain(poller);

    assertThat(function.batches).containsExactly(List.of("a"), List.of("a"));
    assertThat(dlq.contents()).isEmpty();
  }

  @Test
  void maximumRetryAttemptsZeroDeadLettersAtTheFirstFailure() throws Exception {
    write("INSERT", "x");
    ScriptedFunction function = new ScriptedFunction(ids -> new IllegalStateException("down"));

    drain(poller(function, 10, 0));

    assertThat(function.batches).containsExactly(List.of("x"));
    assertThat(dlq.contents()).extracting(DeadLetter::attempts).containsExactly(1);
    assertThat(dlq.contents().get(0).reason()).contains("down");
  }
}
