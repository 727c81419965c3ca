package io.fraudpipeline.operator.reconciler;

import io.fraudpipeline.api.v1alpha1.ConditionReasons;
import io.fraudpipeline.api.v1alpha1.ConditionTypes;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.FraudPipelineStatus;
import io.fraudpipeline.api.v1alpha1.PipelineAnnotations;
import io.fraudpipeline.operator.backend.Backends;
import io.fraudpipeline.operator.backend.StackBackend;
import io.fraudpipeline.operator.cache.AccessDeniedException;
import io.fraudpipeline.operator.cache.ManagedResourceInformers;
import io.fraudpipeline.operator.metrics.OperatorMetrics;
import io.fraudpipeline.operator.model.InvalidSpecException;
import io.fraudpipeline.operator.model.SuffixClaims;
import io.fraudpipeline.operator.stack.ObservedObjects;
import io.fraudpipeline.operator.stack.RenderedStack;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
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
public class FraudPipelineReconciler implements Reconciler<FraudPipeline>, Cleaner<FraudPipeline> {

  /** How often a stalled pipeline looks again (missing CRDs, a suffix in use), by default. */
  public static final Duration CRD_RECHECK = Duration.ofSeconds(30);

  private final Backends backends;
  private final ManagedResourceInformers informers;
  private final PipelineGates gates;
  private final Clock clock;
  private final PipelineStatusFactory statuses;

  /** The first wait between writes of progress alone (counts, pending list) to a status. */
  static final Duration PROGRESS_WRITES = Duration.ofSeconds(5);

  /** The longest wait between them (see {@link StatusWrites}). */
  static final Duration PROGRESS_WRITES_LONGEST = Duration.ofMinutes(5);

  private final StatusWrites statusWrites;
  private final PipelineDeletion deletion;
  private final PipelinePause pause;
  private final AtomicLong reconciliations = new AtomicLong();
  private final Duration recheck;
  private final OperatorMetrics metrics;

  public FraudPipelineReconciler(
      Backends backends, Clock clock, Duration recheck, OperatorMetrics metrics) {
    this(backends, clock, recheck, OrderedDeletion.STUCK, metrics);
  }

  /**
   * @param deletionStuckAfter how long an object may take to go, while its pipeline is deleted,
   *     before a DeletionStuck warning names it
   */
  public FraudPipelineReconciler(
      Backends backends,
      Clock clock,
      Duration recheck,
      Duration deletionStuckAfter,
      OperatorMetrics metrics) {
    this.backends = backends;
    this.clock = clock;
    this.recheck = recheck;
    this.metrics = metrics;
    this.statuses = new PipelineStatusFactory(backends, clock);
    this.statusWrites = new StatusWrites(clock, PROGRESS_WRITES, PROGRESS_WRITES_LONGEST);
    this.informers = new ManagedResourceInformers(backends, clock, recheck);
    this.gates = new PipelineGates(backends, informers);
    this.pause = new PipelinePause(informers, statuses);
    this.deletion =
        new PipelineDeletion(
            backends,
            informers,
            statuses,
            statusWrites,
            pause,
            metrics,
            recheck,
            new OrderedDeletion(clock, deletionStuckAfter),
            clock);
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
    List<EventSource<?, FraudPipeline>> sources = new ArrayList<>(informers.initial(context));
    sources.add(OutputsConfigMap.informer(context));
    return sources;
  }

  /** Kinds left unwatched because the operator may not read them, one line each. */
  public List<String> accessProblems() {
    return informers.accessProblems();
  }

  /** What keeps the operator from seeing every kind: reads not allowed, watches not synced. */
  public List<String> readinessProblems() {
    List<String> problems = new ArrayList<>(informers.accessProblems());
    problems.addAll(informers.notSynced());
    return problems;
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

  /**
   * A pipeline marked for deletion: its objects go in the order of {@link
   * io.fraudpipeline.operator.stack.DeletionPhase}, each phase once the previous one is gone, and
   * JOSDK removes its finalizer when nothing is left.
   */
  @Override
  public DeleteControl cleanup(FraudPipeline pipeline, Context<FraudPipeline> context) {
    try {
      return deletion.step(pipeline, context);
    } finally {
      reconciliations.incrementAndGet();
    }
  }

  /** The pass's outcome for the duration metric; the status is the one just computed. */
  private static String result(FraudPipelineStatus status) {
    if (Conditions.isTrue(status, ConditionTypes.PAUSED)) {
      return "paused";
    }
    if (Conditions.isTrue(status, ConditionTypes.STALLED)) {
      return "stalled";
    }
    return isReady(status) ? "ready" : "progressing";
  }

  /**
   * One pass: the gates a pipeline passes before anything is written ({@link PipelineGates}), then
   * its stack rendered, applied and reported. Each step that cannot go on stalls the pipeline.
   */
  private UpdateControl<FraudPipeline> doReconcile(
      FraudPipeline pipeline, Context<FraudPipeline> context) {
    StackBackend backend = backends.of(pipeline);
    ManagedResourceWriter writer =
        new ManagedResourceWriter(backends, context.getClient(), metrics);
    if (PipelineAnnotations.isPaused(pipeline)) {
      return withStatus(pipeline, pause.hold(pipeline, context, backend, writer), context);
    }
    PassReport report = new PassReport(pipeline, new PipelineEvents(context.getClient(), clock));
    Optional<Stall> stall =
        gates.first(pipeline, context, backend, informers.refresh(context, backend));
    if (stall.isPresent()) {
      return stalled(pipeline, context, report, stall.get());
    }
    ObservedObjects observed = PipelineObjects.observed(pipeline, context, backend);
    pause.lift(observed, writer);
    RenderedStack stack;
    try {
      stack = backend.render(pipeline, observed);
    } catch (InvalidSpecException e) {
      var invalid = new Stall(ConditionReasons.INVALID_SPEC, e.getMessage(), false);
      return stalled(pipeline, context, report, invalid);
    }
    StackApplier.Changes changes;
    try {
      changes = new StackApplier(writer).apply(backend, stack, observed);
    } catch (NameTakenException e) {
      // the other object is not labelled, so no event says when it goes: look again
      var taken = new Stall(ConditionReasons.NAME_TAKEN, e.getMessage(), true);
      return stalled(pipeline, context, report, taken);
    } catch (AccessDeniedException e) {
      var denied = new Stall(ConditionReasons.ACCESS_DENIED, e.getMessage(), true);
      return stalled(pipeline, context, report, denied);
    }
    report.changes(changes, observed.all().isEmpty() || isReady(pipeline.getStatus()));
    FraudPipelineStatus status = statuses.progress(pipeline, backend, stack, observed);
    Optional<Stall> outputsStall = outputs(pipeline, stack, status.getPending().isEmpty(), context);
    if (outputsStall.isPresent()) {
      return stalled(pipeline, context, report, outputsStall.get());
    }
    report.transitions(status);
    UpdateControl<FraudPipeline> control = withStatus(pipeline, status, context);
    // the new MRs' ADDED events are filtered out: look again once they are in the cache, so the
    // status counts them even if the provider never reports on them
    return changes.created() > 0 && control.getScheduleDelay().isEmpty()
        ? control.rescheduleAfter(PROGRESS_WRITES)
        : control;
  }

  /** The outputs ConfigMap kept; a name taken or a write refused stalls the pipeline. */
  private static Optional<Stall> outputs(
      FraudPipeline pipeline,
      RenderedStack stack,
      boolean settled,
      Context<FraudPipeline> context) {
    try {
      OutputsConfigMap.keep(pipeline, stack.outputs(), settled, context);
      return Optional.empty();
    } catch (NameTakenException e) {
      return Optional.of(new Stall(ConditionReasons.NAME_TAKEN, e.getMessage(), true));
    } catch (AccessDeniedException e) {
      return Optional.of(new Stall(ConditionReasons.ACCESS_DENIED, e.getMessage(), true));
    }
  }

  /** The stalled status, said once, and a timer when the stall asks for one. */
  private UpdateControl<FraudPipeline> stalled(
      FraudPipeline pipeline, Context<FraudPipeline> context, PassReport report, Stall stall) {
    report.stalled(stall);
    FraudPipelineStatus status =
        stall.needsSomeone()
            ? statuses.stalled(pipeline, stall.reason(), stall.message())
            : statuses.waiting(pipeline, stall.reason(), stall.message());
    UpdateControl<FraudPipeline> control = withStatus(pipeline, status, context);
    return stall.lookAgain() ? control.rescheduleAfter(recheck) : control;
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

  private static boolean isReady(FraudPipelineStatus status) {
    return Conditions.isTrue(status, ConditionTypes.READY);
  }
}
