package io.fraudpipeline.api.v1alpha1;

import java.util.List;

/** The reasons the operator gives on a FraudPipeline's conditions (see {@link ConditionTypes}). */
public final class ConditionReasons {

  /** Ready: every object of the stack is Ready. */
  public static final String ALL_READY = "AllResourcesReady";

  /** Ready False while objects are not ready yet. */
  public static final String NOT_READY = "ResourcesNotReady";

  /** Reconciling: objects being created, or waiting for AWS. */
  public static final String PROVISIONING = "Provisioning";

  /** Stalled: a spec the operator cannot act on. */
  public static final String INVALID_SPEC = "InvalidSpec";

  /** Stalled: the backend's CRDs are not installed. */
  public static final String MISSING_CRDS = "ProviderCRDsMissing";

  /** Stalled: another pipeline with the same suffix and credentials came first. */
  public static final String SUFFIX_IN_USE = "EnvironmentSuffixInUse";

  /** Stalled: an object's controller gave up on it until its spec changes (ACK.Terminal). */
  public static final String RESOURCE_TERMINAL = "ManagedResourceTerminal";

  /** Stalled: an object name the pipeline needs is taken by an object it does not manage. */
  public static final String NAME_TAKEN = "ManagedResourceNameTaken";

  /** Stalled: the API server refused the operator a read or write it needs (RBAC). */
  public static final String ACCESS_DENIED = "AccessDenied";

  /**
   * Reconciling: a watch of one of the backend's kinds has not synced yet (its start failed and is
   * being retried); the pipeline waits, without writes, until the operator sees all its objects.
   */
  public static final String WATCHES_STARTING = "WatchesStarting";

  /**
   * Ready false, Reconciling: the pipeline is being deleted, phase by phase; {@code status.pending}
   * names each object of the current phase not gone yet and why (its controller still deleting it,
   * or the controller's own error).
   */
  public static final String DELETING = "Deleting";

  /**
   * Paused: the pipeline carries {@link PipelineAnnotations#PAUSED}; the other conditions keep what
   * they said when the pause began.
   */
  public static final String PAUSED = "PausedByAnnotation";

  /** Every reason. */
  public static final List<String> ALL =
      List.of(
          ALL_READY,
          NOT_READY,
          PROVISIONING,
          INVALID_SPEC,
          MISSING_CRDS,
          SUFFIX_IN_USE,
          RESOURCE_TERMINAL,
          NAME_TAKEN,
          ACCESS_DENIED,
          WATCHES_STARTING,
          DELETING,
          PAUSED);

  private ConditionReasons() {}
}
