package io.fraudpipeline.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.PipelineAnnotations;
import io.fraudpipeline.operator.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class PipelineUpdatesTest {

  private final FraudPipeline stored = stored();

  private static FraudPipeline stored() {
    FraudPipeline pipeline = Fixtures.seed();
    pipeline.getMetadata().setGeneration(3L);
    pipeline.getMetadata().setFinalizers(List.of("fraudpipeline.io/ordered-deletion"));
    return pipeline;
  }

  private FraudPipeline changed(Consumer<FraudPipeline> change) {
    FraudPipeline copy = Serialization.clone(stored);
    change.accept(copy);
    return copy;
  }

  @Test
  void aSpecEditStartsAPass() {
    assertThat(PipelineUpdates.startPass(changed(p -> p.getMetadata().setGeneration(4L)), stored))
        .isTrue();
  }

  @Test
  void settingOrLiftingThePauseStartsAPassThoughNoGenerationChanged() {
    FraudPipeline paused =
        changed(p -> p.getMetadata().setAnnotations(Map.of(PipelineAnnotations.PAUSED, "true")));

    assertThat(PipelineUpdates.startPass(paused, stored)).isTrue();
    assertThat(PipelineUpdates.startPass(stored, paused)).isTrue();
  }

  @Test
  void aDeletionAndAFinalizerChangeStartAPass() {
    assertThat(
            PipelineUpdates.startPass(
                changed(p -> p.getMetadata().setDeletionTimestamp("2026-12-08T00:00:00Z")), stored))
        .isTrue();
    assertThat(
            PipelineUpdates.startPass(
                changed(p -> p.getMetadata().setFinalizers(List.of())), stored))
        .isTrue();
  }

  @Test
  void theOperatorsOwnStatusWriteAndOtherAnnotationsStartNothing() {
    FraudPipeline statusWritten =
        changed(
            p -> {
              p.getMetadata().setResourceVersion("99");
              p.getMetadata().setAnnotations(Map.of("team", "payments"));
            });

    assertThat(PipelineUpdates.startPass(statusWritten, stored)).isFalse();
  }
}
