package io.fraudpipeline.operator.metrics;

import io.fraudpipeline.api.v1alpha1.ConditionTypes;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.FraudPipelineStatus;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The operator's Prometheus metrics: JOSDK's (reconciliations, retries, failures per controller),
 * the JVM's, and the operator's own — pipelines by condition, reconcile duration by result, and MR
 * writes and write errors by kind and verb.
 */
public final class OperatorMetrics implements AutoCloseable {

  /** Conditions counted by the {@code fraudpipeline_pipelines} gauge. */
  private static final List<String> CONDITIONS = ConditionTypes.ALL;

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  /** Listens to the JVM's GC notifications: without a close it would keep the registry alive. */
  private final JvmGcMetrics gc = new JvmGcMetrics();

  private volatile Supplier<Stream<FraudPipeline>> pipelines = Stream::empty;

  public OperatorMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    for (String condition : CONDITIONS) {
      Gauge.builder("fraudpipeline.pipelines", () -> pipelinesWith(condition))
          .description("FraudPipelines whose condition is True, by condition")
          .tag("condition", condition)
          .register(registry);
    }
  }

  /**
   * JOSDK's metrics on the same registry; without per-resource meters, whose number would grow with
   * the pipelines.
   */
  public Metrics josdk() {
    return MicrometerMetrics.withoutPerResourceMetrics(registry);
  }

  /** Where the pipelines gauge counts from: the operator's cache of FraudPipelines. */
  public void countPipelinesFrom(Supplier<Stream<FraudPipeline>> source) {
    this.pipelines = source;
  }

  public Timer.Sample startReconcile() {
    return Timer.start(registry);
  }

  /** {@code result}: ready, progressing, stalled, paused or error. */
  public void reconciled(Timer.Sample sample, String result) {
    sample.stop(
        Timer.builder("fraudpipeline.reconcile.duration")
            .description("Time of one reconcile pass of a FraudPipeline, by result")
            .tag("result", result)
            .serviceLevelObjectives(
                Duration.ofMillis(10),
                Duration.ofMillis(50),
                Duration.ofMillis(100),
                Duration.ofMillis(500),
                Duration.ofSeconds(1),
                Duration.ofSeconds(5))
            .register(registry));
  }

  /** {@code verb}: create, apply or delete. */
  public void written(String kind, String verb) {
    counter("fraudpipeline.managed.resource.writes", "MR writes that succeeded", kind, verb)
        .increment();
  }

  public void writeFailed(String kind, String verb) {
    counter("fraudpipeline.managed.resource.write.errors", "MR writes that failed", kind, verb)
        .increment();
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  /** Detaches from the JVM, so a stopped operator (a test's, the benchmark's) can be collected. */
  @Override
  public void close() {
    gc.close();
    registry.close();
    pipelines = Stream::empty;
  }

  private Counter counter(String name, String description, String kind, String verb) {
    return Counter.builder(name)
        .description(description)
        .tag("kind", kind)
        .tag("verb", verb)
        .register(registry);
  }

  /** Pipelines in the operator's cache whose {@code condition} is True. */
  public double pipelinesWith(String condition) {
    return pipelines.get().filter(p -> isTrue(p.getStatus(), condition)).count();
  }

  private static boolean isTrue(FraudPipelineStatus status, String type) {
    return status != null
        && status.getConditions().stream()
            .anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
