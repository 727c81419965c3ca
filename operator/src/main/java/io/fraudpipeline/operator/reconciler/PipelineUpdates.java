package io.fraudpipeline.operator.reconciler;

import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.PipelineAnnotations;
import java.util.Objects;

/**
 * Which updates of a FraudPipeline start a pass. JOSDK's generation-aware filter passes a spec
 * edit, a deletion and its own finalizer; an annotation edit changes no generation, and the pause
 * is an annotation, so the operator filters itself: the same updates, and a pause set or lifted.
 * Its own status writes still start nothing.
 */
public final class PipelineUpdates {

  private PipelineUpdates() {}

  public static boolean startPass(FraudPipeline newer, FraudPipeline older) {
    return generation(newer) > generation(older)
        || newer.isMarkedForDeletion()
        || !Objects.equals(newer.getMetadata().getFinalizers(), older.getMetadata().getFinalizers())
        || PipelineAnnotations.isPaused(newer) != PipelineAnnotations.isPaused(older);
  }

  private static long generation(FraudPipeline pipeline) {
    Long generation = pipeline.getMetadata().getGeneration();
    return generation == null ? 0 : generation;
  }
}
