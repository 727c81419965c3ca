package io.fraudpipeline.functions.check;

import java.time.Duration;

/**
 * How the check waits for its score: a first read soon after the POST, each further one after a
 * longer pause up to a ceiling, so a quick pipeline is seen quickly and a slow one is not flooded.
 */
public record PollSchedule(Duration first, double factor, Duration ceiling) {

  public static final PollSchedule DEFAULT =
      new PollSchedule(Duration.ofMillis(200), 1.5, Duration.ofSeconds(2));

  public PollSchedule {
    if (first.isNegative() || first.isZero() || factor < 1 || ceiling.compareTo(first) < 0) {
      throw new IllegalArgumentException(
          "a poll schedule needs a positive first pause, a factor >= 1 and a ceiling >= it");
    }
  }

  /** The pause after {@code previous}. */
  Duration next(Duration previous) {
    long millis = (long) Math.ceil(previous.toMillis() * factor);
    return millis >= ceiling.toMillis() ? ceiling : Duration.ofMillis(millis);
  }
}
