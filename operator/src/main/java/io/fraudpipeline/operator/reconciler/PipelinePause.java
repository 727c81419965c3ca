package io.fraudpipeline.operator.reconciler;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.FraudPipelineStatus;
import io.fraudpipeline.operator.backend.StackBackend;
import io.fraudpipeline.operator.cache.ManagedResourceInformers;
import io.fraudpipeline.operator.stack.ControllerPause;
import io.fraudpipeline.operator.stack.ManagedKind;
import io.fraudpipeline.operator.stack.ObservedObjects;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A pipeline under {@code fraudpipeline.io/paused}: each of its objects is marked once with its
 * controller's pause annotation, and nothing else of them is written; when the pause is lifted the
 * marks come off before the pass writes anything else.
 *
 * <p>A mark is written once per object: the watch delivers it a moment later, and the passes that
 * other objects' events start meanwhile must not write it again, so the version each mark was
 * written over is remembered until the cache has moved past it.
 */
final class PipelinePause {

  private final ManagedResourceInformers informers;
  private final PipelineStatusFactory statuses;

  /** Object uid to the resource version a mark was written over, until the cache moves on. */
  private final Map<String, String> marksInFlight = new ConcurrentHashMap<>();

  PipelinePause(ManagedResourceInformers informers, PipelineStatusFactory statuses) {
    this.informers = informers;
    this.statuses = statuses;
  }

  /**
   * Marks the pipeline's objects paused for their controllers, when the operator sees all of them;
   * returns the status of a paused pipeline.
   */
  FraudPipelineStatus hold(
      FraudPipeline pipeline,
      Context<FraudPipeline> context,
      StackBackend backend,
      ManagedResourceWriter writer) {
    ControllerPause pause = backend.dialect().pause();
    var unwatched = informers.refresh(context, backend);
    if (unwatched.denied().isEmpty() && unwatched.notSynced().isEmpty()) {
      List<ManagedKind> kinds =
          backend.kinds().stream().filter(k -> !unwatched.missingCrds().contains(k)).toList();
      for (GenericKubernetesResource object :
          PipelineObjects.observed(pipeline, context, kinds).all()) {
        if (needsWrite(object, !ManagedResourceWriter.pausedByPipeline(object))) {
          writer.pause(object, pause);
          written(object);
        }
      }
    }
    return statuses.paused(pipeline, pause);
  }

  /** Takes the pause marks off the objects that carry them (after a pause); returns how many. */
  int lift(ObservedObjects observed, ManagedResourceWriter writer) {
    int lifted = 0;
    for (GenericKubernetesResource object : observed.all()) {
      if (needsWrite(object, ManagedResourceWriter.pausedByPipeline(object))) {
        writer.resume(object);
        written(object);
        lifted++;
      }
    }
    return lifted;
  }

  private boolean needsWrite(GenericKubernetesResource object, boolean wanted) {
    String uid = object.getMetadata().getUid();
    String writtenOver = marksInFlight.get(uid);
    if (writtenOver != null && writtenOver.equals(object.getMetadata().getResourceVersion())) {
      return false; // written already; the watch has not delivered it yet
    }
    marksInFlight.remove(uid);
    return wanted;
  }

  private void written(GenericKubernetesResource object) {
    marksInFlight.put(object.getMetadata().getUid(), object.getMetadata().getResourceVersion());
  }
}
