package io.fraudpipeline.api.v1alpha1;

import java.util.List;

/**
 * The condition types of a FraudPipeline's status (kstatus): what {@code kubectl wait}, Argo CD's
 * health check and the operator's metrics look for.
 */
public final class ConditionTypes {

  /** True when every object of the stack is Ready. */
  public static final String READY = "Ready";

  /** True while objects are being created or wait for AWS. */
  public static final String RECONCILING = "Reconciling";

  /** True when the operator cannot act on the pipeline until something changes. */
  public static final String STALLED = "Stalled";

  /**
   * True while the pipeline carries {@link PipelineAnnotations#PAUSED}: the operator writes nothing
   * to its objects; absent otherwise.
   */
  public static final String PAUSED = "Paused";

  /** Every type, in the order the status lists them. */
  public static final List<String> ALL = List.of(READY, RECONCILING, STALLED, PAUSED);

  private ConditionTypes() {}
}
