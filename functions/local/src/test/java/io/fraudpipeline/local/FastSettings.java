package io.fraudpipeline.local;

import io.fraudpipeline.local.scorer.AsyncInvocationSettings;
import io.fraudpipeline.local.stream.StreamMappingSettings;
import java.time.Duration;

/** Local settings with millisecond polls and retries, so end-to-end tests finish quickly. */
final class FastSettings {

  private FastSettings() {}

  static LocalSettings get() {
    return LocalSettings.defaults()
        .withStream(new StreamMappingSettings(10, 2, Duration.ofMillis(1), Duration.ofMillis(5)))
        .withScorer(new AsyncInvocationSettings(4, 2, Duration.ofMillis(1)));
  }
}
