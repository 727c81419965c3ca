package io.fraudpipeline.operator.model;

/** How the operator marks what it owns, whatever the backend. */
public final class Ownership {

  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY = "fraud-pipeline-operator";
  public static final String PIPELINE_LABEL = "fraudpipeline.io/pipeline";

  /** Field manager of every write, and the selector of every informer. */
  public static final String FIELD_MANAGER = MANAGED_BY;

  public static final String MANAGED_SELECTOR = MANAGED_BY_LABEL + "=" + MANAGED_BY;

  /** Tag every AWS resource carries, beside the user's tags. */
  public static final String ENVIRONMENT_TAG = "Environment";

  private Ownership() {}
}
