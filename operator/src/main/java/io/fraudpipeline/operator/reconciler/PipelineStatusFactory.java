package io.fraudpipeline.operator.reconciler;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.api.v1alpha1.ConditionReasons;
import io.fraudpipeline.api.v1alpha1.ConditionTypes;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.FraudPipelineStatus;
import io.fraudpipeline.api.v1alpha1.PendingResource;
import io.fraudpipeline.api.v1alpha1.PipelineAnnotations;
import io.fraudpipeline.api.v1alpha1.ResourceCounts;
import io.fraudpipeline.api.v1alpha1.UnsupportedSetting;
import io.fraudpipeline.operator.backend.Backends;
import io.fraudpipeline.operator.backend.StackBackend;
import io.fraudpipeline.operator.model.AwsNames;
import io.fraudpipeline.operator.stack.ControllerPause;
import io.fraudpipeline.operator.stack.ManagedObject;
import io.fraudpipeline.operator.stack.ObservedObjects;
import io.fraudpipeline.operator.stack.RenderedStack;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds the pipeline's status: Ready when every MR is Ready, otherwise which MRs are not and why,
 * from their own conditions or from what they wait for.
 */
final class PipelineStatusFactory {

  private static final int PENDING_IN_MESSAGE = 3;

  private final Backends backends;
  private final Clock clock;

  PipelineStatusFactory(Backends backends, Clock clock) {
    this.backends = backends;
    this.clock = clock;
  }

  FraudPipelineStatus progress(
      FraudPipeline pipeline, StackBackend backend, RenderedStack stack, ObservedObjects observed) {
    List<PendingResource> pending = new ArrayList<>();
    List<String> terminal = new ArrayList<>();
    int ready = 0;
    for (ManagedObject mr : stack.desired()) {
      var kind = backends.find(mr.getApiVersion(), mr.getKind()).orElseThrow();
      Optional<GenericKubernetesResource> actual = observed.find(kind, mr.getMetadata().getName());
      if (actual.isPresent() && backend.isReady(actual.get())) {
        ready++;
      } else if (actual.isPresent() && backend.terminalError(actual.get()).isPresent()) {
        String error = backend.terminalError(actual.get()).get();
        terminal.add(mr.getKind() + " " + mr.getMetadata().getName() + ": " + error);
        pending.add(new PendingResource(mr.getKind(), mr.getMetadata().getName(), error));
      } else {
        pending.add(
            new PendingResource(
                mr.getKind(),
                mr.getMetadata().getName(),
                actual.map(backend::notReadyReason).orElse("being created")));
      }
    }
    pending.addAll(stack.waiting());

    FraudPipelineStatus status = base(pipeline, stack.names());
    status.setApiEndpoint(stack.apiEndpoint());
    status.setDashboardUrl(stack.dashboardUrl());
    status.setAlertTopicArn(stack.alertTopicArn());
    status.setLiveVersions(stack.liveVersions().isEmpty() ? null : stack.liveVersions());
    status.setResources(new ResourceCounts(stack.total(), ready));
    status.setPending(pending);
    status.setUnsupported(stack.unsupported());
    Conditions conditions = conditions(pipeline);
    if (!terminal.isEmpty()) {
      // the controller retries nothing until the spec changes: someone must act
      String message = String.join("; ", terminal);
      conditions
          .set(ConditionTypes.READY, false, ConditionReasons.RESOURCE_TERMINAL, message)
          .set(ConditionTypes.RECONCILING, false, ConditionReasons.RESOURCE_TERMINAL, "")
          .set(ConditionTypes.STALLED, true, ConditionReasons.RESOURCE_TERMINAL, message);
    } else if (pending.isEmpty()) {
      conditions
          .set(
              ConditionTypes.READY,
              true,
              ConditionReasons.ALL_READY,
              "All " + stack.total() + " managed resources are Ready")
          .set(ConditionTypes.RECONCILING, false, ConditionReasons.ALL_READY, "")
          .set(ConditionTypes.STALLED, false, ConditionReasons.ALL_READY, "");
    } else {
      String message =
          ready + " of " + stack.total() + " managed resources Ready; " + firstPending(pending);
      conditions
          .set(ConditionTypes.READY, false, ConditionReasons.NOT_READY, message)
          .set(ConditionTypes.RECONCILING, true, ConditionReasons.PROVISIONING, message)
          .set(ConditionTypes.STALLED, false, ConditionReasons.PROVISIONING, "");
    }
    status.setConditions(conditions.build());
    return status;
  }

  /** The first pending objects and why, as a condition message names them; the rest counted. */
  static String firstPending(List<PendingResource> pending) {
    return pending.stream()
            .limit(PENDING_IN_MESSAGE)
            .map(p -> p.getKind() + " " + p.getName() + ": " + p.getReason())
            .collect(Collectors.joining("; "))
        + (pending.size() > PENDING_IN_MESSAGE
            ? "; and " + (pending.size() - PENDING_IN_MESSAGE) + " more (see status.pending)"
            : "");
  }

  /** The pipeline cannot progress until someone acts; what was there stays as it is. */
  FraudPipelineStatus stalled(FraudPipeline pipeline, String reason, String message) {
    return held(pipeline, reason, message, true);
  }

  /**
   * The pipeline waits for the operator itself (a watch still syncing): not Ready, Reconciling, not
   * Stalled; what was there stays as it is.
   */
  FraudPipelineStatus waiting(FraudPipeline pipeline, String reason, String message) {
    return held(pipeline, reason, message, false);
  }

  /**
   * The pipeline is being deleted: not Ready, Reconciling, what it waits for in {@code pending};
   * the names it reported stay until it is gone.
   */
  FraudPipelineStatus deleting(
      FraudPipeline pipeline, String message, List<PendingResource> pending) {
    FraudPipelineStatus status = held(pipeline, ConditionReasons.DELETING, message, false);
    status.setPending(pending);
    return status;
  }

  /**
   * The pipeline is paused: everything it reported stays as it was when the pause began (Ready
   * included: nothing is looked at), and {@code Paused} says since when and what the pause cannot
   * hold back with this backend.
   */
  FraudPipelineStatus paused(FraudPipeline pipeline, ControllerPause pause) {
    FraudPipelineStatus previous = pipeline.getStatus();
    FraudPipelineStatus status = new FraudPipelineStatus();
    if (previous != null) {
      status.setObservedGeneration(previous.getObservedGeneration());
      copyReported(previous, status);
      status.setLiveVersions(previous.getLiveVersions());
    }
    List<UnsupportedSetting> unsupported = new ArrayList<>();
    if (status.getUnsupported() != null) {
      unsupported.addAll(status.getUnsupported());
    }
    pause
        .limitations()
        .map(limits -> new UnsupportedSetting(PAUSED_FIELD, limits))
        .filter(limit -> !unsupported.contains(limit))
        .ifPresent(unsupported::add);
    status.setUnsupported(unsupported);
    Conditions conditions = conditions(pipeline);
    for (String type :
        List.of(ConditionTypes.READY, ConditionTypes.RECONCILING, ConditionTypes.STALLED)) {
      conditions.keep(type);
    }
    status.setConditions(
        conditions
            .set(ConditionTypes.PAUSED, true, ConditionReasons.PAUSED, pausedMessage(pause))
            .build());
    return status;
  }

  /**
   * A paused pipeline being deleted: nothing is deleted until the pause is lifted, as a paused
   * Crossplane managed resource keeps its finalizer until it is unpaused.
   */
  FraudPipelineStatus deletionPaused(FraudPipeline pipeline, ControllerPause pause) {
    FraudPipelineStatus status =
        held(
            pipeline,
            ConditionReasons.DELETING,
            "Deletion waits: the pipeline is paused ("
                + PipelineAnnotations.PAUSED
                + "); remove the annotation to let its managed resources be deleted in order, or"
                + " delete it with --cascade=orphan to keep them",
            false);
    List<io.fabric8.kubernetes.api.model.Condition> conditions =
        new ArrayList<>(status.getConditions());
    conditions.addAll(
        conditions(pipeline)
            .set(ConditionTypes.PAUSED, true, ConditionReasons.PAUSED, pausedMessage(pause))
            .build());
    status.setConditions(conditions);
    return status;
  }

  /** Where {@code status.unsupported} reports what a backend's pause cannot hold back. */
  static final String PAUSED_FIELD = "metadata.annotations[" + PipelineAnnotations.PAUSED + "]";

  private static String pausedMessage(ControllerPause pause) {
    return PipelineAnnotations.PAUSED
        + " is \"true\": the operator makes no write to this pipeline's managed resources until"
        + " it is removed; each carries "
        + pause.annotation()
        + pause
            .limitations()
            .map(l -> " (see status.unsupported)")
            .orElse(", so its controller leaves AWS alone too");
  }

  private FraudPipelineStatus held(
      FraudPipeline pipeline, String reason, String message, boolean stalled) {
    FraudPipelineStatus previous = pipeline.getStatus();
    FraudPipelineStatus status = base(pipeline, null);
    if (previous != null) {
      // keep reporting what exists: nothing was changed
      copyReported(previous, status);
    }
    status.setConditions(
        conditions(pipeline)
            .set(ConditionTypes.READY, false, reason, message)
            .set(ConditionTypes.RECONCILING, !stalled, reason, stalled ? "" : message)
            .set(ConditionTypes.STALLED, stalled, reason, stalled ? message : "")
            .build());
    return status;
  }

  private static void copyReported(FraudPipelineStatus from, FraudPipelineStatus to) {
    to.setEnvironmentSuffix(from.getEnvironmentSuffix());
    to.setTransactionsTable(from.getTransactionsTable());
    to.setFraudScoresTable(from.getFraudScoresTable());
    to.setApiEndpoint(from.getApiEndpoint());
    to.setDashboardUrl(from.getDashboardUrl());
    to.setAlertTopicArn(from.getAlertTopicArn());
    to.setResources(from.getResources());
    to.setPending(from.getPending());
    to.setUnsupported(from.getUnsupported());
  }

  private FraudPipelineStatus base(FraudPipeline pipeline, AwsNames names) {
    FraudPipelineStatus status = new FraudPipelineStatus();
    status.setObservedGeneration(pipeline.getMetadata().getGeneration());
    if (names != null) {
      status.setEnvironmentSuffix(names.suffix());
      status.setTransactionsTable(names.transactionsTable());
      status.setFraudScoresTable(names.fraudScoresTable());
    }
    return status;
  }

  private Conditions conditions(FraudPipeline pipeline) {
    var previous = pipeline.getStatus() == null ? null : pipeline.getStatus().getConditions();
    Long generation = pipeline.getMetadata().getGeneration();
    return new Conditions(previous, generation == null ? 0 : generation, clock);
  }
}
