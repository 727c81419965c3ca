package io.fraudpipeline.local.scorer;

import java.time.Duration;

/**
 * How the local runtime invokes a function asynchronously, after Lambda: a queue of events, up to
 * {@code concurrency} running at once, a failed event retried {@code maximumRetryAttempts} times
 * (Lambda's default is 2) after growing delays, then sent to the on-failure destination. Lambda
 * waits a minute or two between retries; locally the delays are short so results come quickly.
 *
 * @param retryBaseDelay the delay before the first retry, doubled for each further one
 */
public record AsyncInvocationSettings(
    int concurrency, int maximumRetryAttempts, Duration retryBaseDelay) {

  public static final int LAMBDA_DEFAULT_RETRIES = 2;

  public AsyncInvocationSettings {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
    }
    if (maximumRetryAttempts < 0 || maximumRetryAttempts > 2) {
      throw new IllegalArgumentException(
          "maximumRetryAttempts of an asynchronous invocation must be 0..2, got "
              + maximumRetryAttempts);
    }
  }

  Duration delayBefore(int retry) {
    return retryBaseDelay.multipliedBy(1L << (retry - 1));
  }
}
