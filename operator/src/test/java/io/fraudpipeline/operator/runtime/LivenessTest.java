package io.fraudpipeline.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.operator.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class LivenessTest {

  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T00:00:00Z"));
  private final AtomicBoolean healthy = new AtomicBoolean(true);
  private final Liveness liveness = new Liveness(() -> true, healthy::get, clock);

  @Test
  void anInformerRetryingIsAliveUntilItStayedUnhealthyForThePatience() {
    assertThat(liveness.live()).isTrue();
    healthy.set(false);
    assertThat(liveness.live()).as("just turned unhealthy: its own retries come first").isTrue();
    clock.advance(Liveness.PATIENCE.minusSeconds(1));
    assertThat(liveness.live()).isTrue();
    clock.advance(Duration.ofSeconds(1));
    assertThat(liveness.live())
        .as("unhealthy for the whole patience: a restart may help")
        .isFalse();
  }

  @Test
  void recoveringStartsThePatienceAgain() {
    healthy.set(false);
    liveness.live();
    clock.advance(Liveness.PATIENCE.minusSeconds(10));
    healthy.set(true);
    assertThat(liveness.live()).isTrue();
    healthy.set(false);
    clock.advance(Duration.ofSeconds(30));
    assertThat(liveness.live()).as("a new stretch of unhealth, not the old one's").isTrue();
  }
}
