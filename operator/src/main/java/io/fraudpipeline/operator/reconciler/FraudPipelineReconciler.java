package io.fraudpipeline.operator.reconciler;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.api.v1alpha1.ConditionReasons;
import io.fraudpipeline.api.v1alpha1.ConditionTypes;
import io.fraudpipeline.api.v1alpha1.EnvironmentSuffix;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.FraudPipelineStatus;
import io.fraudpipeline.operator.backend.Backends;
import io.fraudpipeline.operator.backend.StackBackend;
import io.fraudpipeline.operator.cache.AccessDeniedException;
import io.fraudpipeline.operator.cache.ManagedResourceInformers;
import io.fraudpipeline.operator.metrics.OperatorMetrics;
import io.fraudpipeline.operator.model.InvalidSpecException;
import io.fraudpipeline.operator.model.Ownership;
import io.fraudpipeline.operator.model.SuffixClaims;
import io.fraudpipeline.operator.stack.ManagedKind;
import io.fraudpipeline.operator.stack.ManagedObject;
import io.fraudpipeline.operator.stack.ObservedObjects;
import io.fraudpipeline.operator.stack.RenderedStack;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the pipeline's MRs from the informers, asks its backend's pure {@link StackBackend#render}
 * what they should be, writes only the differences, deletes what is no longer wanted, and reports.
 *
 * <p>One pass over the model's output rather than a dependent per MR: the stack has a varying
 * number of MRs per kind (subscriptions, alarms), MRs that wait on others' status, and kinds whose
 * CRD may be missing; the model already decides all of that at once, so the reconciler only
 * compares and applies. JOSDK still provides the informers, event mapping, retries and status
 * patch.
 */
public class FraudPipelineReconciler implements Reconciler<FraudPipeline> {

  private static final Logger LOG = LoggerFactory.getLogger(FraudPipelineReconciler.class);

  /** How often a stalled pipeline looks again (missing CRDs, a suffix in use), by default. */
  public static final Duration CRD_RECHECK = Duration.ofSeconds(30);

  private final Backends backends;
  private final ManagedResourceInformers informers;
  private final Clock clock;
  private final PipelineStatusFactory statuses;

  /** The first wait between writes of progress alone (counts, pending list) to a status. */
  static final Duration PROGRESS_WRITES = Duration.ofSeconds(5);

  /** The longest wait between them (see {@link StatusWrites}). */
  static final Duration PROGRESS_WRITES_LONGEST = Duration.ofMinutes(5);

  private final StatusWrites statusWrites;
  private final AtomicLong reconciliations = new AtomicLong();
  private final Duration recheck;
  private final OperatorMetrics metrics;

  public FraudPipelineReconciler(
      Backends backends, Clock clock, Duration recheck, OperatorMetrics metrics) {
    this.backends = backends;
    this.clock = clock;
    this.recheck = recheck;
    this.metrics = metrics;
    this.statuses = new PipelineStatusFactory(backends, clock);
    this.statusWrites = new StatusWrites(clock, PROGRESS_WRITES, PROGRESS_WRITES_LONGEST);
    this.informers = new ManagedResourceInformers(backends, clock, recheck);
  }

  public OperatorMetrics metrics() {
    return metrics;
  }

  @Override
  public List<EventSource<?, FraudPipeline>> prepareEventSources(
      EventSourceContext<FraudPipeline> context) {
    var pipelines = context.getPrimaryCache();
    // a pass compares its suffix with same-suffix pipelines only: a scan of all is O(N) a pass
    pipelines.addIndexer(SuffixClaims.INDEX, SuffixClaims::indexKeys);
    metrics.countPipelinesFrom(pipelines::list);
    return informers.initial(context);
  }

  /** Kinds left unwatched because the operator may not read them, one line each. */
  public List<String> accessProblems() {
    return informers.accessProblems();
  }

  /** How many passes ran: lets tests wait for a resync without sleeping. */
  public long reconciliations() {
    return reconciliations.get();
  }

  @Override
  public UpdateControl<FraudPipeline> reconcile(
      FraudPipeline pipeline, Context<FraudPipeline> context) {
    var timing = metrics.startReconcile();
    String result = "error";
    try {
      UpdateControl<FraudPipeline> control = doReconcile(pipeline, context);
      result = result(pipeline.getStatus());
      return control;
    } finally {
      metrics.reconciled(timing, result);
      reconciliations.incrementAndGet();
    }
  }

  /** The pass's outcome for the duration metric; the status is the one just computed. */
  private static String result(FraudPipelineStatus status) {
    if (Conditions.isTrue(status, ConditionTypes.STALLED)) {
      return "stalled";
    }
    return isReady(status) ? "ready" : "progressing";
  }

  private UpdateControl<FraudPipeline> doReconcile(
      FraudPipeline pipeline, Context<FraudPipeline> context) {
    PipelineEvents events = new PipelineEvents(context.getClient(), clock);
    StackBackend backend = backends.of(pipeline);
    ManagedResourceInformers.Unwatched unwatched = informers.refresh(context, backend);
    if (!unwatched.missingCrds().isEmpty()) {
      String message = backend.missingCrdsMessage(unwatched.missingCrds());
      return stalled(pipeline, ConditionReasons.MISSING_CRDS, message, events, context)
          .rescheduleAfter(recheck);
    }
    if (!unwatched.denied().isEmpty()) {
      // no event says when a role changes: look again
      String message = String.join("; ", unwatched.denied());
      return stalled(pipeline, ConditionReasons.ACCESS_DENIED, message, events, context)
          .rescheduleAfter(recheck);
    }

    var holder =
        SuffixClaims.heldBefore(
            pipeline,
            SuffixClaims.indexKeys(pipeline).stream()
                .flatMap(s -> context.getPrimaryCache().byIndex(SuffixClaims.INDEX, s).stream())
                .toList(),
            p -> backends.of(p).credentialsIdentity(p));
    if (holder.isPresent()) {
      String message =
          "spec.environmentSuffix: '"
              + EnvironmentSuffix.of(pipeline)
              + "' is already used by FraudPipeline "
              + holder.get().getMetadata().getNamespace()
              + "/"
              + holder.get().getMetadata().getName()
              + " with the same AWS credentials; its AWS names would collide with that"
              + " pipeline's: choose another environmentSuffix";
      // the holder may go away without an event for this pipeline: look again
      return stalled(pipeline, ConditionReasons.SUFFIX_IN_USE, message, events, context)
          .rescheduleAfter(recheck);
    }

    var foreign = otherBackendsObject(pipeline, backend, context);
    if (foreign.isPresent()) {
      // the CRD's transition rule refuses this edit; a cluster that skipped it must not get a
      // second copy of every AWS resource
      String message =
          "spec.backend: is "
              + backend.id().value()
              + " but this pipeline's "
              + foreign.get()
              + " was made by another backend; the backend cannot change: set it back, or"
              + " create a new FraudPipeline";
      return stalled(pipeline, ConditionReasons.INVALID_SPEC, message, events, context);
    }

    ObservedObjects observed = new ObservedObjects(observedMrs(pipeline, backend, context));
    RenderedStack stack;
    try {
      stack = backend.render(pipeline, observed);
    } catch (InvalidSpecException e) {
      return stalled(pipeline, ConditionReasons.INVALID_SPEC, e.getMessage(), events, context);
    }

    StackApplier.Changes changes;
    try {
      changes =
          new StackApplier(
                  backends, new ManagedResourceWriter(backends, context.getClient(), metrics))
              .apply(stack, observed);
    } catch (NameTakenException e) {
      // the other object is not labelled, so no event says when it goes: look again
      return stalled(pipeline, ConditionReasons.NAME_TAKEN, e.getMessage(), events, context)
          .rescheduleAfter(recheck);
    } catch (AccessDeniedException e) {
      return stalled(pipeline, ConditionReasons.ACCESS_DENIED, e.getMessage(), events, context)
          .rescheduleAfter(recheck);
    }
    // one event for the first wave of creates and one for a repair of a Ready stack; the waves in
    // between are progress (the log and the status say it): an event each cost a write each
    report(pipeline, changes, observed.all().isEmpty() || isReady(pipeline.getStatus()), events);

    FraudPipelineStatus status = statuses.progress(pipeline, backend, stack, observed);
    reportUnsupported(pipeline, status, events);
    if (Conditions.isTrue(status, ConditionTypes.STALLED)
        && !Conditions.isTrue(pipeline.getStatus(), ConditionTypes.STALLED)) {
      String message = condition(status, ConditionTypes.STALLED);
      LOG.warn(
          "pipeline {}/{} stalled: {}",
          pipeline.getMetadata().getNamespace(),
          pipeline.getMetadata().getName(),
          message);
      events.warning(pipeline, ConditionReasons.RESOURCE_TERMINAL, message);
    }
    if (isReady(status) && !isReady(pipeline.getStatus())) {
      events.normal(
          pipeline,
          "Ready",
          status.getApiEndpoint() == null
              ? "All managed resources are Ready"
              : "Ready: " + status.getApiEndpoint());
    }
    UpdateControl<FraudPipeline> control = withStatus(pipeline, status, context);
    // the new MRs' ADDED events are filtered out: look again once they are in the cache, so the
    // status counts them even if the provider never reports on them
    return changes.created() > 0 && control.getScheduleDelay().isEmpty()
        ? control.rescheduleAfter(PROGRESS_WRITES)
        : control;
  }

  /** A setting the backend cannot apply is said once, when it first shows (and in the status). */
  private static void reportUnsupported(
      FraudPipeline pipeline, FraudPipelineStatus status, PipelineEvents events) {
    var before = pipeline.getStatus() == null ? List.of() : pipeline.getStatus().getUnsupported();
    if (status.getUnsupported().isEmpty() || status.getUnsupported().equals(before)) {
      return;
    }
    events.warning(
        pipeline,
        "UnsupportedSettings",
        "Backend "
            + pipeline.getSpec().getBackend().value()
            + " cannot apply: "
            + status.getUnsupported().stream()
                .map(u -> u.getField() + " (" + u.getReason() + ")")
                .collect(Collectors.joining("; ")));
  }

  private static String condition(FraudPipelineStatus status, String type) {
    return status.getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .map(c -> c.getMessage())
        .findFirst()
        .orElse("");
  }

  private static void report(
      FraudPipeline pipeline,
      StackApplier.Changes changes,
      boolean announceCreates,
      PipelineEvents events) {
    if (!changes.any()) {
      return;
    }
    LOG.info(
        "pipeline {}/{}: created {}, updated {}, deleted {} managed resources",
        pipeline.getMetadata().getNamespace(),
        pipeline.getMetadata().getName(),
        changes.created(),
        changes.updated(),
        changes.deleted().size());
    if (changes.created() > 0 && announceCreates) {
      events.normal(pipeline, "Created", "Created " + changes.created() + " managed resources");
    }
    if (!changes.deleted().isEmpty()) {
      events.normal(
          pipeline,
          "Deleted",
          "Deleted managed resources no longer wanted: " + String.join(", ", changes.deleted()));
    }
  }

  private List<GenericKubernetesResource> observedMrs(
      FraudPipeline pipeline, StackBackend backend, Context<FraudPipeline> context) {
    List<GenericKubernetesResource> out = new ArrayList<>();
    for (ManagedKind kind : backend.kinds()) {
      for (ManagedObject r : context.getSecondaryResources(kind.type())) {
        if (ownedBy(pipeline, r)) {
          out.add(r);
        }
      }
    }
    return out;
  }

  /** An object of this pipeline made by another backend than the one its spec names now. */
  private Optional<String> otherBackendsObject(
      FraudPipeline pipeline, StackBackend backend, Context<FraudPipeline> context) {
    for (StackBackend other : backends.all()) {
      if (other == backend) {
        continue;
      }
      for (ManagedKind kind : other.kinds()) {
        if (!informers.watches(kind)) {
          continue;
        }
        for (ManagedObject r : context.getSecondaryResources(kind.type())) {
          if (ownedBy(pipeline, r)) {
            return Optional.of(r.getKind() + " " + r.getMetadata().getName());
          }
        }
      }
    }
    return Optional.empty();
  }

  private static boolean ownedBy(FraudPipeline pipeline, ManagedObject r) {
    var labels = r.getMetadata().getLabels();
    return labels != null
        && pipeline.getMetadata().getName().equals(labels.get(Ownership.PIPELINE_LABEL));
  }

  private UpdateControl<FraudPipeline> stalled(
      FraudPipeline pipeline,
      String reason,
      String message,
      PipelineEvents events,
      Context<FraudPipeline> context) {
    FraudPipelineStatus status = statuses.stalled(pipeline, reason, message);
    if (!sameStalled(pipeline.getStatus(), reason, message)) {
      LOG.warn(
          "pipeline {}/{} stalled: {}",
          pipeline.getMetadata().getNamespace(),
          pipeline.getMetadata().getName(),
          message);
      events.warning(pipeline, reason, message);
    }
    return withStatus(pipeline, status, context);
  }

  /** Writes the status only when it changed: an unchanged pipeline costs no write. */
  private UpdateControl<FraudPipeline> withStatus(
      FraudPipeline pipeline, FraudPipelineStatus status, Context<FraudPipeline> context) {
    if (Objects.equals(pipeline.getStatus(), status)) {
      return UpdateControl.noUpdate();
    }
    ResourceID id = ResourceID.fromResource(pipeline);
    Duration due = statusWrites.due(id, pipeline.getStatus(), status);
    if (!due.isZero()) {
      return UpdateControl.<FraudPipeline>noUpdate().rescheduleAfter(due);
    }
    pipeline.setStatus(status);
    statusWrites.written(id, status); // JOSDK patches it right after this returns
    return UpdateControl.patchStatus(pipeline);
  }

  private static boolean sameStalled(FraudPipelineStatus previous, String reason, String message) {
    return previous != null
        && previous.getConditions().stream()
            .anyMatch(
                c ->
                    c.getType().equals(ConditionTypes.STALLED)
                        && c.getStatus().equals("True")
                        && reason.equals(c.getReason())
                        && message.equals(c.getMessage()));
  }

  private static boolean isReady(FraudPipelineStatus status) {
    return Conditions.isTrue(status, ConditionTypes.READY);
  }
}
