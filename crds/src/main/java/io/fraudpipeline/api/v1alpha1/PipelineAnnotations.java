package io.fraudpipeline.api.v1alpha1;

/** The annotations a user sets on a FraudPipeline to steer the operator. */
public final class PipelineAnnotations {

  /**
   * {@code "true"}: the operator makes no write to the pipeline's objects (no create, apply or
   * delete) and reports the {@link ConditionTypes#PAUSED} condition; any other value or none: it
   * reconciles as usual.
   */
  public static final String PAUSED = "fraudpipeline.io/paused";

  private PipelineAnnotations() {}

  public static boolean isPaused(FraudPipeline pipeline) {
    var annotations = pipeline.getMetadata().getAnnotations();
    return annotations != null && "true".equals(annotations.get(PAUSED));
  }
}
