package io.fraudpipeline.local.scorer;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.local.deadletter.DeadLetterQueue;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Lambda's asynchronous invocation: retried twice, then the dead-letter queue. */
class AsyncInvocationsTest {

  private final DeadLetterQueue dlq = new DeadLetterQueue("fraud-scorer-dlq-test");
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  private static byte[] event(String id) {
    return ("{\"transaction_id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aFailingEventIsTriedThreeTimesThenDeadLetteredWhileOthersSucceed() throws Exception {
    try (AsyncInvocations invocations =
        new AsyncInvocations(
            "scorer",
            event -> {
              String text = new String(event, StandardCharsets.UTF_8);
              calls.computeIfAbsent(text, k -> new AtomicInteger()).incrementAndGet();
              if (text.contains("poison")) {
                throw new IllegalStateException("scorer down for poison");
              }
              return new byte[0];
            },
            dlq,
            new AsyncInvocationSettings(2, 2, Duration.ofMillis(1)),
            Clock.systemUTC())) {
      invocations.submit(event("poison"));
      invocations.submit(event("ok-1"));
      invocations.submit(event("ok-2"));

      assertThat(invocations.awaitIdle(Duration.ofSeconds(10))).isTrue();
      assertThat(invocations.succeededCount()).isEqualTo(2);
    }
    assertThat(calls.get("{\"transaction_id\":\"poison\"}").get()).isEqualTo(3);
    assertThat(calls.get("{\"transaction_id\":\"ok-1\"}").get()).isEqualTo(1);
    assertThat(dlq.contents())
        .singleElement()
        .satisfies(
            letter -> {
              assertThat(letter.transactionIds()).containsExactly("poison");
              assertThat(letter.attempts()).isEqualTo(3);
              assertThat(letter.reason()).contains("scorer down for poison");
              assertThat(letter.payload()).isEqualTo(Map.of("transaction_id", "poison"));
            });
  }

  @Test
  void anEventThatSucceedsOnARetryIsNotDeadLettered() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    try (AsyncInvocations invocations =
        new AsyncInvocations(
            "scorer",
            event -> {
              if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("throttled");
              }
              return new byte[0];
            },
            dlq,
            new AsyncInvocationSettings(1, 2, Duration.ofMillis(1)),
            Clock.systemUTC())) {
      invocations.submit(event("flaky"));
      assertThat(invocations.awaitIdle(Duration.ofSeconds(10))).isTrue();
      assertThat(invocations.succeededCount()).isEqualTo(1);
    }
    assertThat(attempts.get()).isEqualTo(2);
    assertThat(dlq.contents()).isEmpty();
  }
}
