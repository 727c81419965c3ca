package io.fraudpipeline.functions.metrics;

import io.fraudpipeline.functions.aws.Env;
import io.fraudpipeline.functions.contract.EnvVars;
import io.fraudpipeline.functions.contract.FraudMetrics;
import io.fraudpipeline.functions.contract.Synthetic;
import io.fraudpipeline.functions.json.Json;

/**
 * The fraud metrics of one pipeline ({@link FraudMetrics}), each document under the {@code
 * Pipeline} dimension. Synthetic transactions (the pipeline's own check) are left out here, once,
 * whoever records them.
 */
public final class PipelineMetrics {

  private final String pipeline;
  private final MetricsSink sink;

  public PipelineMetrics(String pipeline, MetricsSink sink) {
    this.pipeline = pipeline;
    this.sink = sink;
  }

  /**
   * Written to standard output under {@code PIPELINE_NAME}; a function deployed without it (by
   * hand, or by an older operator) reports under {@link #UNNAMED} rather than failing to start.
   */
  public static PipelineMetrics fromEnv(Env env) {
    String name = env.optional(EnvVars.PIPELINE_NAME);
    return new PipelineMetrics(name == null ? UNNAMED : name, StdoutMetrics.system());
  }

  public static final String UNNAMED = "unnamed";

  /**
   * Metrics that go through every step of writing a line but print nothing: for priming, whose
   * canned events must not count.
   */
  public static PipelineMetrics priming() {
    return new PipelineMetrics("priming", document -> document.toJson(0).forEach(Json::write));
  }

  public String pipeline() {
    return pipeline;
  }

  /** A new document under {@code Pipeline} alone. */
  EmfDocument document() {
    return EmfDocument.in(FraudMetrics.NAMESPACE)
        .dimension(FraudMetrics.PIPELINE, pipeline)
        .dimensionSet(FraudMetrics.PIPELINE);
  }

  void emit(EmfDocument document) {
    sink.emit(document);
  }

  /** The API stored a new transaction. */
  public void accepted(String transactionId) {
    if (!Synthetic.isSynthetic(transactionId)) {
      sink.emit(document().count(FraudMetrics.TRANSACTIONS_ACCEPTED, 1));
    }
  }

  /** The API was sent a transaction it had stored before. */
  public void duplicate(String transactionId) {
    if (!Synthetic.isSynthetic(transactionId)) {
      sink.emit(document().count(FraudMetrics.DUPLICATE_DELIVERIES, 1));
    }
  }

  /**
   * The API refused a POST: counted per pipeline and per reason. A refused synthetic id counts,
   * since it came from a caller other than the check.
   *
   * @param reason one of {@link FraudMetrics#REASONS}
   */
  public void rejected(String reason) {
    sink.emit(
        EmfDocument.in(FraudMetrics.NAMESPACE)
            .dimension(FraudMetrics.PIPELINE, pipeline)
            .dimension(FraudMetrics.REASON, reason)
            .dimensionSet(FraudMetrics.PIPELINE)
            .dimensionSet(FraudMetrics.PIPELINE, FraudMetrics.REASON)
            .count(FraudMetrics.TRANSACTIONS_REJECTED, 1));
  }

  /** What one scorer invocation did, emitted at its end. */
  public ScoringTally scoring() {
    return new ScoringTally(this);
  }

  /** One run of the pipeline's check: success, and on success the time from POST to score. */
  public void check(boolean succeeded, long latencyMillis) {
    EmfDocument document = document().count(FraudMetrics.CHECK_SUCCEEDED, succeeded ? 1 : 0);
    if (succeeded) {
      document.add(FraudMetrics.CHECK_LATENCY, MetricUnit.MILLISECONDS, latencyMillis);
    }
    sink.emit(document);
  }
}
