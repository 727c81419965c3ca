package io.fraudpipeline.benchmarks.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The wait's give-up rules (no kinds watched: the count stays 0, progress is the test's). */
class ReadyWatchTest {

  @Test
  void aSystemThatStopsConvergingIsReportedAfterTheStallNotTheTimeout() {
    try (ReadyWatch watch = new ReadyWatch(null, List.of(), r -> true)) {
      long start = System.nanoTime();

      assertThatThrownBy(
              () ->
                  watch.await(3, Duration.ofMinutes(10), Duration.ofMillis(300), () -> 7, () -> {}))
          .isNotInstanceOf(ReadyWatch.TimedOut.class)
          .hasMessage("0 of 3 ready after 0 s (no progress for 0 s)");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void progressElsewhereKeepsTheWaitGoingUntilTheTimeout() {
    AtomicInteger progress = new AtomicInteger();
    try (ReadyWatch watch = new ReadyWatch(null, List.of(), r -> true)) {
      assertThatThrownBy(
              () ->
                  watch.await(
                      3,
                      Duration.ofMillis(800),
                      Duration.ofMillis(300),
                      progress::incrementAndGet,
                      () -> {}))
          .isInstanceOf(ReadyWatch.TimedOut.class)
          .hasMessageEndingWith("(timed out)");
    }
  }
}
