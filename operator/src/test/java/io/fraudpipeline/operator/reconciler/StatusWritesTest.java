package io.fraudpipeline.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fraudpipeline.api.v1alpha1.FraudPipelineStatus;
import io.fraudpipeline.api.v1alpha1.ResourceCounts;
import io.fraudpipeline.operator.ManualClock;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress is written at most every interval; what a user or tool acts on, at once. */
class StatusWritesTest {

  private static final Duration INTERVAL = Duration.ofSeconds(5);
  private static final Duration LONGEST = Duration.ofSeconds(20);
  private final ResourceID pipeline = new ResourceID("payments", "fraud-dev");
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T10:00:00Z"));
  private final StatusWrites writes = new StatusWrites(clock, INTERVAL, LONGEST);

  private static FraudPipelineStatus status(String ready, String reason, int readyCount) {
    FraudPipelineStatus status = new FraudPipelineStatus();
    status.setObservedGeneration(1L);
    status.setResources(new ResourceCounts(38, readyCount));
    status.setConditions(
        List.of(
            new ConditionBuilder()
                .withType("Ready")
                .withStatus(ready)
                .withReason(reason)
                .withMessage(readyCount + " of 38 Ready")
                .build()));
    return status;
  }

  @Test
  void progressAloneWaitsForTheIntervalThenIsDue() {
    FraudPipelineStatus written = status("False", "ResourcesNotReady", 3);
    assertThat(writes.due(pipeline, null, written)).isZero();
    writes.written(pipeline, written);

    clock.advance(Duration.ofSeconds(2));
    assertThat(writes.due(pipeline, written, status("False", "ResourcesNotReady", 9)))
        .isEqualTo(Duration.ofSeconds(3));

    clock.advance(Duration.ofSeconds(3));
    assertThat(writes.due(pipeline, written, status("False", "ResourcesNotReady", 12))).isZero();
  }

  @Test
  void progressWaitsAsLongAsTheRolloutHadRunUpToTheLongest() {
    FraudPipelineStatus written = status("False", "ResourcesNotReady", 1);
    writes.written(pipeline, written);
    List<Long> waits = new java.util.ArrayList<>();
    for (int ready = 2; ready < 8; ready++) {
      FraudPipelineStatus next = status("False", "ResourcesNotReady", ready);
      Duration wait = writes.due(pipeline, written, next);
      waits.add(wait.toSeconds());
      clock.advance(wait);
      assertThat(writes.due(pipeline, written, next)).isZero();
      writes.written(pipeline, next);
      written = next;
    }
    // written at 0, 5, 10, 20, 40 s, then every 20 s (the longest here)
    assertThat(waits).containsExactly(5L, 5L, 10L, 20L, 20L, 20L);

    // a condition change is written at once and keeps the rollout's pace
    FraudPipelineStatus provisioning = status("False", "Provisioning", 8);
    assertThat(writes.due(pipeline, written, provisioning)).isZero();
    writes.written(pipeline, provisioning);
    assertThat(writes.due(pipeline, provisioning, status("False", "Provisioning", 9)))
        .isEqualTo(LONGEST);

    // a new generation is a new rollout: its progress comes soon again
    FraudPipelineStatus edited = status("False", "Provisioning", 9);
    edited.setObservedGeneration(2L);
    writes.written(pipeline, edited);
    FraudPipelineStatus editedProgress = status("False", "Provisioning", 10);
    editedProgress.setObservedGeneration(2L);
    assertThat(writes.due(pipeline, edited, editedProgress)).isEqualTo(INTERVAL);
  }

  @Test
  void aConditionOrGenerationChangeIsWrittenAtOnce() {
    FraudPipelineStatus written = status("False", "ResourcesNotReady", 37);
    writes.written(pipeline, written);
    clock.advance(Duration.ofSeconds(1));

    assertThat(writes.due(pipeline, written, status("True", "AllResourcesReady", 38))).isZero();
    assertThat(writes.due(pipeline, written, status("False", "Provisioning", 37))).isZero();
    FraudPipelineStatus newGeneration = status("False", "ResourcesNotReady", 37);
    newGeneration.setObservedGeneration(2L);
    assertThat(writes.due(pipeline, written, newGeneration)).isZero();
    // another pipeline's writes do not hold this one back
    assertThat(
            writes.due(
                new ResourceID("other", "fraud-dev"),
                written,
                status("False", "ResourcesNotReady", 38)))
        .isZero();
  }

  @Test
  void aReadyPipelineKeepsNoEntry() {
    writes.written(pipeline, status("True", "AllResourcesReady", 38));
    FraudPipelineStatus written = status("True", "AllResourcesReady", 38);
    // nothing remembered: a later change (a drifted MR) is written at once
    assertThat(writes.due(pipeline, written, status("True", "AllResourcesReady", 37))).isZero();
  }
}
