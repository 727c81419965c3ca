package io.fraudpipeline.operator.model;

import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.OutputsSpec;
import java.util.Optional;

/**
 * Where a pipeline hands its outputs to applications: a ConfigMap and, for an API key, a Secret.
 */
public final class OutputNames {

  private OutputNames() {}

  /** {@code spec.outputs.configMapName}, else {@code <pipeline>-outputs}. */
  public static String configMap(FraudPipeline pipeline) {
    return outputs(pipeline)
        .map(OutputsSpec::getConfigMapName)
        .orElse(pipeline.getMetadata().getName() + "-outputs");
  }

  /** {@code spec.outputs.secretName}, else {@code <pipeline>-api-key}. */
  public static String apiKeySecret(FraudPipeline pipeline) {
    return outputs(pipeline)
        .map(OutputsSpec::getSecretName)
        .orElse(pipeline.getMetadata().getName() + "-api-key");
  }

  private static Optional<OutputsSpec> outputs(FraudPipeline pipeline) {
    return Optional.ofNullable(pipeline.getSpec().getOutputs());
  }
}
