package io.fraudpipeline.functions.metrics;

/** Where EMF documents go: standard output in Lambda (CloudWatch Logs extracts them). */
@FunctionalInterface
public interface MetricsSink {

  void emit(EmfDocument document);
}
