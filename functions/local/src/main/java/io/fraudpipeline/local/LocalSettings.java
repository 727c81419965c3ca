package io.fraudpipeline.local;

import io.fraudpipeline.functions.contract.SettingRules;
import io.fraudpipeline.functions.scorer.ScoringConfig;
import io.fraudpipeline.local.scorer.AsyncInvocationSettings;
import io.fraudpipeline.local.stream.StreamMappingSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything the local pipeline is started with; the names follow the FraudPipeline spec.
 *
 * @param dataDir where Dynalite keeps the tables; empty for in memory
 * @param httpThreads threads serving the HTTP API (each runs one processor invocation at a time)
 * @param checkEvery how often the pipeline's check runs; empty for never (the default)
 */
public record LocalSettings(
    String bind,
    int port,
    Optional<Path> dataDir,
    String environmentSuffix,
    StreamMappingSettings stream,
    AsyncInvocationSettings scorer,
    ScoringConfig scoring,
    int httpThreads,
    Optional<Duration> checkEvery) {

  public static final String DEFAULT_BIND = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_SUFFIX = "local";
  public static final int DEFAULT_BATCH_SIZE = Integer.parseInt(SettingRules.BATCH_SIZE_DEFAULT);
  public static final int DEFAULT_MAXIMUM_RETRY_ATTEMPTS =
      Integer.parseInt(SettingRules.MAXIMUM_RETRY_ATTEMPTS_DEFAULT);
  public static final int DEFAULT_SCORER_CONCURRENCY = 8;
  public static final int DEFAULT_HTTP_THREADS = 16;
  public static final Duration DEFAULT_RETRY_DELAY = Duration.ofMillis(100);

  /** The spec's defaults, in memory, on a free loopback port. */
  public static LocalSettings defaults() {
    return new LocalSettings(
        DEFAULT_BIND,
        0,
        Optional.empty(),
        DEFAULT_SUFFIX,
        new StreamMappingSettings(
            DEFAULT_BATCH_SIZE,
            DEFAULT_MAXIMUM_RETRY_ATTEMPTS,
            DEFAULT_RETRY_DELAY,
            Duration.ofSeconds(5)),
        new AsyncInvocationSettings(
            DEFAULT_SCORER_CONCURRENCY,
            AsyncInvocationSettings.LAMBDA_DEFAULT_RETRIES,
            DEFAULT_RETRY_DELAY),
        ScoringConfig.defaults(),
        DEFAULT_HTTP_THREADS,
        Optional.empty());
  }

  public LocalSettings withPort(int port) {
    return new LocalSettings(
        bind, port, dataDir, environmentSuffix, stream, scorer, scoring, httpThreads, checkEvery);
  }

  public LocalSettings withDataDir(Path dataDir) {
    return new LocalSettings(
        bind,
        port,
        Optional.of(dataDir),
        environmentSuffix,
        stream,
        scorer,
        scoring,
        httpThreads,
        checkEvery);
  }

  public LocalSettings withStream(StreamMappingSettings stream) {
    return new LocalSettings(
        bind, port, dataDir, environmentSuffix, stream, scorer, scoring, httpThreads, checkEvery);
  }

  public LocalSettings withScorer(AsyncInvocationSettings scorer) {
    return new LocalSettings(
        bind, port, dataDir, environmentSuffix, stream, scorer, scoring, httpThreads, checkEvery);
  }

  public LocalSettings withHttpThreads(int httpThreads) {
    return new LocalSettings(
        bind, port, dataDir, environmentSuffix, stream, scorer, scoring, httpThreads, checkEvery);
  }

  public LocalSettings withScoring(ScoringConfig scoring) {
    return new LocalSettings(
        bind, port, dataDir, environmentSuffix, stream, scorer, scoring, httpThreads, checkEvery);
  }

  public LocalSettings withCheckEvery(Duration every) {
    return new LocalSettings(
        bind,
        port,
        dataDir,
        environmentSuffix,
        stream,
        scorer,
        scoring,
        httpThreads,
        Optional.of(every));
  }
}
