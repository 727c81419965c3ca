package io.fraudpipeline.operator.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Whether the operator is alive: an informer that turned unhealthy retries on its own (a watch cut,
 * a CRD installed a moment ago), so a restart is asked for only once one stayed unhealthy for
 * {@link #PATIENCE}.
 */
final class Liveness {

  /**
   * Longer than the informers' retries take to reach a server that is back (seconds to a minute).
   */
  static final Duration PATIENCE = Duration.ofMinutes(5);

  private final BooleanSupplier started;
  private final BooleanSupplier healthy;
  private final Clock clock;
  private Instant unhealthySince;

  /**
   * @param started the operator has started its informers
   * @param healthy every informer is running and synced
   */
  Liveness(BooleanSupplier started, BooleanSupplier healthy, Clock clock) {
    this.started = started;
    this.healthy = healthy;
    this.clock = clock;
  }

  synchronized boolean live() {
    if (!started.getAsBoolean() || healthy.getAsBoolean()) {
      unhealthySince = null;
      return true;
    }
    Instant now = clock.instant();
    if (unhealthySince == null) {
      unhealthySince = now;
    }
    return Duration.between(unhealthySince, now).compareTo(PATIENCE) < 0;
  }
}
