package io.fraudpipeline.operator.model;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import java.util.LinkedHashMap;
import java.util.Map;

/** How the operator marks what it owns, whatever the backend. */
public final class Ownership {

  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY = "fraud-pipeline-operator";
  public static final String PIPELINE_LABEL = "fraudpipeline.io/pipeline";

  /** Field manager of every write, and the selector of every informer. */
  public static final String FIELD_MANAGER = MANAGED_BY;

  public static final String MANAGED_SELECTOR = MANAGED_BY_LABEL + "=" + MANAGED_BY;

  /** On a pipeline, {@code "true"}: the operator writes nothing to its objects until removed. */
  public static final String PAUSED_ANNOTATION = "fraudpipeline.io/paused";

  /** Tag every AWS resource carries, beside the user's tags. */
  public static final String ENVIRONMENT_TAG = "Environment";

  private Ownership() {}

  /** Whether the pipeline carries {@value #PAUSED_ANNOTATION}{@code : "true"}. */
  public static boolean paused(FraudPipeline pipeline) {
    var annotations = pipeline.getMetadata().getAnnotations();
    return annotations != null && "true".equals(annotations.get(PAUSED_ANNOTATION));
  }

  /** The labels of every object of a pipeline: the informers select on the first. */
  public static Map<String, String> labels(FraudPipeline pipeline) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(MANAGED_BY_LABEL, MANAGED_BY);
    labels.put(PIPELINE_LABEL, pipeline.getMetadata().getName());
    return labels;
  }

  /** The pipeline as controlling owner: deleting it deletes its objects (garbage collection). */
  public static OwnerReference ownerReference(FraudPipeline pipeline) {
    return new OwnerReferenceBuilder()
        .withApiVersion(pipeline.getApiVersion())
        .withKind(pipeline.getKind())
        .withName(pipeline.getMetadata().getName())
        .withUid(pipeline.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }
}
