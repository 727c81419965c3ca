package io.fraudpipeline.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.PendingResource;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.ManualClock;
import io.fraudpipeline.operator.crossplane.CrossplaneBackend;
import io.fraudpipeline.operator.crossplane.CrossplaneKinds;
import io.fraudpipeline.operator.stack.DeletionPhase;
import io.fraudpipeline.operator.stack.ManagedKind;
import io.fraudpipeline.operator.stack.ObservedObjects;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderedDeletionTest {

  private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));

  private final OrderedDeletion deletion = new OrderedDeletion(clock, OrderedDeletion.STUCK);
  private final FraudPipeline pipeline = Fixtures.pipeline("seed");
  private final List<String> deleted = new ArrayList<>();
  private final List<String> stuck = new ArrayList<>();

  private OrderedDeletion.Progress step(GenericKubernetesResource... objects) {
    return deletion.step(
        pipeline,
        CrossplaneBackend.INSTANCE,
        new ObservedObjects(List.of(objects)),
        o -> deleted.add(o.getKind() + " " + o.getMetadata().getName()),
        stuck::add);
  }

  @Test
  void deletesTheEarliestPhaseOnceAndWaitsUntilItIsGone() {
    pipeline.getMetadata().setUid("p-1");
    var stage = object(CrossplaneKinds.STAGE, "seed-prod");
    var function = object(CrossplaneKinds.FUNCTION, "seed-processor");
    var table = object(CrossplaneKinds.TABLE, "seed-transactions");

    var first = step(stage, function, table);
    assertThat(first.phase()).isEqualTo(DeletionPhase.TRAFFIC);
    assertThat(deleted).containsExactly("Stage seed-prod");
    assertThat(first.pending())
        .extracting(PendingResource::getReason)
        .containsExactly("asked to delete it");

    // the cache has not shown the deletion yet: no second delete
    step(stage, function, table);
    assertThat(deleted).hasSize(1);

    stage.getMetadata().setDeletionTimestamp(clock.instant().toString());
    var waiting = step(stage, function, table);
    assertThat(waiting.pending())
        .extracting(PendingResource::getReason)
        .containsExactly("its controller is still deleting it");
    assertThat(waiting.untilStuck()).isEqualTo(OrderedDeletion.STUCK);

    var next = step(function, table);
    assertThat(next.phase()).isEqualTo(DeletionPhase.FUNCTIONS);
    assertThat(deleted).containsExactly("Stage seed-prod", "Function seed-processor");

    step(table);
    assertThat(deleted).endsWith("Table seed-transactions");
    assertThat(step().done()).isTrue();
  }

  @Test
  void anObjectGoingForLongerThanTheLimitIsReportedOnce() {
    pipeline.getMetadata().setUid("p-2");
    var alias = object(CrossplaneKinds.ALIAS, "seed-live");
    alias.getMetadata().setDeletionTimestamp(clock.instant().toString());
    step(alias);
    clock.advance(OrderedDeletion.STUCK.minus(Duration.ofSeconds(1)));
    assertThat(step(alias).untilStuck()).isEqualTo(Duration.ofSeconds(1));
    assertThat(stuck).isEmpty();

    clock.advance(Duration.ofSeconds(1));
    step(alias);
    step(alias);
    assertThat(stuck).containsExactly("Alias seed-live has been deleting for over 5 minutes");
  }

  @Test
  void theStuckTimeIsASettingAndTheWarningSaysIt() {
    pipeline.getMetadata().setUid("p-3");
    var quick = new OrderedDeletion(clock, Duration.ofSeconds(7));
    var function = object(CrossplaneKinds.FUNCTION, "seed-processor");
    function.getMetadata().setDeletionTimestamp(clock.instant().toString());
    List<String> warned = new ArrayList<>();
    var observed = new ObservedObjects(List.of(function));

    var first = quick.step(pipeline, CrossplaneBackend.INSTANCE, observed, o -> {}, warned::add);
    assertThat(first.untilStuck()).isEqualTo(Duration.ofSeconds(7));
    clock.advance(Duration.ofSeconds(7));
    quick.step(pipeline, CrossplaneBackend.INSTANCE, observed, o -> {}, warned::add);

    assertThat(warned)
        .containsExactly("Function seed-processor has been deleting for over 7 seconds");
    assertThat(OrderedDeletion.spoken(Duration.ofMinutes(1))).isEqualTo("1 minute");
    assertThat(OrderedDeletion.spoken(Duration.ofSeconds(90))).isEqualTo("90 seconds");
  }

  private static GenericKubernetesResource object(ManagedKind kind, String name) {
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion(kind.apiVersion());
    r.setKind(kind.kind());
    r.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
            .withName(name)
            .withUid(name)
            .build());
    return r;
  }
}
