package io.fraudpipeline.operator.reconciler;

import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.FraudPipelineStatus;
import io.fraudpipeline.api.v1alpha1.PendingResource;
import io.fraudpipeline.api.v1alpha1.PipelineAnnotations;
import io.fraudpipeline.operator.backend.Backends;
import io.fraudpipeline.operator.backend.StackBackend;
import io.fraudpipeline.operator.cache.ManagedResourceInformers;
import io.fraudpipeline.operator.metrics.OperatorMetrics;
import io.fraudpipeline.operator.stack.DeletionPhase;
import io.fraudpipeline.operator.stack.ManagedKind;
import io.fraudpipeline.operator.stack.ObservedObjects;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A pipeline marked for deletion: its objects go phase by phase ({@link OrderedDeletion}), the
 * status says which phase and what is left, and JOSDK removes the finalizer once nothing is left.
 */
final class PipelineDeletion {

  private final Backends backends;
  private final ManagedResourceInformers informers;
  private final PipelineStatusFactory statuses;
  private final StatusWrites statusWrites;
  private final OperatorMetrics metrics;
  private final Duration recheck;
  private final Clock clock;
  private final OrderedDeletion deletion;
  private final PipelinePause pause;

  PipelineDeletion(
      Backends backends,
      ManagedResourceInformers informers,
      PipelineStatusFactory statuses,
      StatusWrites statusWrites,
      PipelinePause pause,
      OperatorMetrics metrics,
      Duration recheck,
      OrderedDeletion deletion,
      Clock clock) {
    this.backends = backends;
    this.informers = informers;
    this.statuses = statuses;
    this.statusWrites = statusWrites;
    this.pause = pause;
    this.metrics = metrics;
    this.recheck = recheck;
    this.clock = clock;
    this.deletion = deletion;
  }

  /** The API server's finalizer of {@code kubectl delete --cascade=orphan}. */
  static final String ORPHAN = "orphan";

  DeleteControl step(FraudPipeline pipeline, Context<FraudPipeline> context) {
    if (pipeline.getMetadata().getFinalizers().contains(ORPHAN)) {
      // the user asked to keep the objects: let the garbage collector orphan them
      return DeleteControl.defaultDelete();
    }
    StackBackend backend = backends.of(pipeline);
    if (PipelineAnnotations.isPaused(pipeline)) {
      // as a paused Crossplane MR keeps its finalizer: lifting the pause lets the deletion go on
      FraudPipelineStatus paused = statuses.deletionPaused(pipeline, backend.dialect().pause());
      return waitFor(pipeline, context, paused, recheck);
    }
    var unwatched = informers.refresh(context, backend);
    if (!unwatched.denied().isEmpty() || !unwatched.notSynced().isEmpty()) {
      // objects the operator cannot see yet might still be there: wait rather than leave them
      List<String> blind = new ArrayList<>(unwatched.denied());
      blind.addAll(unwatched.notSynced());
      String message =
          "Deleting: waiting to see every managed resource; " + String.join("; ", blind);
      return waitFor(pipeline, context, statuses.deleting(pipeline, message, List.of()), recheck);
    }
    // a kind whose CRD is not installed has no objects to wait for
    List<ManagedKind> kinds =
        backend.kinds().stream().filter(k -> !unwatched.missingCrds().contains(k)).toList();
    var writer = new ManagedResourceWriter(backends, context.getClient(), metrics);
    var events = new PipelineEvents(context.getClient(), clock);
    ObservedObjects observed = PipelineObjects.observed(pipeline, context, kinds);
    // a controller would not delete a paused object (ACK would drop a read-only one, AWS resource
    // and all left behind): the marks of an earlier pause come off first
    pause.lift(observed, writer);
    OrderedDeletion.Progress progress =
        deletion.step(
            pipeline,
            backend,
            observed,
            writer::delete,
            stuck -> events.warning(pipeline, "DeletionStuck", stuck));
    if (progress.done()) {
      statusWrites.forget(ResourceID.fromResource(pipeline));
      return DeleteControl.defaultDelete();
    }
    FraudPipelineStatus status = statuses.deleting(pipeline, message(progress), progress.pending());
    Duration lookAgain =
        progress.untilStuck().compareTo(recheck) < 0 ? progress.untilStuck() : recheck;
    return waitFor(pipeline, context, status, lookAgain);
  }

  /** "Deleting the functions and the API (phase 2 of 4): 3 left; Function x: ...". */
  private static String message(OrderedDeletion.Progress progress) {
    DeletionPhase phase = progress.phase();
    List<PendingResource> pending = progress.pending();
    return "Deleting "
        + phase.what()
        + " (phase "
        + (phase.ordinal() + 1)
        + " of "
        + DeletionPhase.values().length
        + "): "
        + pending.size()
        + " left; "
        + PipelineStatusFactory.firstPending(pending);
  }

  /**
   * Writes the status when it changed and is due ({@link StatusWrites}), as JOSDK writes a
   * reconcile's: server-side apply of the status by the operator's field manager. A cleanup cannot
   * return a status to patch, so it is written here.
   */
  private DeleteControl waitFor(
      FraudPipeline pipeline,
      Context<FraudPipeline> context,
      FraudPipelineStatus status,
      Duration lookAgain) {
    Duration next = lookAgain;
    if (!Objects.equals(pipeline.getStatus(), status)) {
      ResourceID id = ResourceID.fromResource(pipeline);
      Duration due = statusWrites.due(id, pipeline.getStatus(), status);
      if (due.isZero()) {
        FraudPipeline fresh = new FraudPipeline();
        fresh.getMetadata().setName(pipeline.getMetadata().getName());
        fresh.getMetadata().setNamespace(pipeline.getMetadata().getNamespace());
        fresh.setStatus(status);
        PrimaryUpdateAndCacheUtils.ssaPatchStatusAndCacheResource(pipeline, fresh, context);
        statusWrites.written(id, status);
      } else if (due.compareTo(next) < 0) {
        next = due;
      }
    }
    return DeleteControl.noFinalizerRemoval().rescheduleAfter(next.toMillis());
  }
}
