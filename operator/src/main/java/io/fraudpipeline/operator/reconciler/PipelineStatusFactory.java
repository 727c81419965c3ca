package io.fraudpipeline.operator.reconciler;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.api.v1alpha1.ConditionReasons;
import io.fraudpipeline.api.v1alpha1.ConditionTypes;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.FraudPipelineStatus;
import io.fraudpipeline.api.v1alpha1.PendingResource;
import io.fraudpipeline.api.v1alpha1.ResourceCounts;
import io.fraudpipeline.operator.backend.Backends;
import io.fraudpipeline.operator.backend.StackBackend;
import io.fraudpipeline.operator.model.AwsNames;
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

  private FraudPipelineStatus held(
      FraudPipeline pipeline, String reason, String message, boolean stalled) {
    FraudPipelineStatus previous = pipeline.getStatus();
    FraudPipelineStatus status = base(pipeline, null);
    if (previous != null) {
      // keep reporting what exists: nothing was changed
      status.setEnvironmentSuffix(previous.getEnvironmentSuffix());
      status.setTransactionsTable(previous.getTransactionsTable());
      status.setFraudScoresTable(previous.getFraudScoresTable());
      status.setApiEndpoint(previous.getApiEndpoint());
      status.setDashboardUrl(previous.getDashboardUrl());
      status.setAlertTopicArn(previous.getAlertTopicArn());
      status.setResources(previous.getResources());
      status.setPending(previous.getPending());
      status.setUnsupported(previous.getUnsupported());
    }
    status.setConditions(
        conditions(pipeline)
            .set(ConditionTypes.READY, false, reason, message)
            .set(ConditionTypes.RECONCILING, !stalled, reason, stalled ? "" : message)
            .set(ConditionTypes.STALLED, stalled, reason, stalled ? message : "")
            .build());
    return status;
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
