package io.fraudpipeline.local.stream;

import java.time.Duration;

/**
 * The event source mapping's settings the local poller honours, named as in the FraudPipeline spec
 * ({@code spec.stream.batchSize}, {@code spec.stream.maximumRetryAttempts}); the operator always
 * turns bisection on and reports batch item failures, and so does the poller.
 *
 * @param batchSize records per invocation at most, 1..10000
 * @param maximumRetryAttempts retries of a failing record before it goes to the dead-letter queue;
 *     -1 retries until it succeeds
 * @param retryBaseDelay the first retry's delay, doubled for each further one (AWS waits longer)
 * @param maxRetryDelay the longest delay between two retries
 */
public record StreamMappingSettings(
    int batchSize, int maximumRetryAttempts, Duration retryBaseDelay, Duration maxRetryDelay) {

  public StreamMappingSettings {
    if (batchSize < 1 || batchSize > 10_000) {
      throw new IllegalArgumentException("batchSize must be 1..10000, got " + batchSize);
    }
    if (maximumRetryAttempts < -1 || maximumRetryAttempts > 10_000) {
      throw new IllegalArgumentException(
          "maximumRetryAttempts must be -1..10000, got " + maximumRetryAttempts);
    }
  }

  boolean exhausted(int attempts) {
    return maximumRetryAttempts >= 0 && attempts > maximumRetryAttempts;
  }

  Duration delayBefore(int retry) {
    long factor = 1L << Math.min(retry - 1, 20);
    Duration delay = retryBaseDelay.multipliedBy(factor);
    return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
  }
}
