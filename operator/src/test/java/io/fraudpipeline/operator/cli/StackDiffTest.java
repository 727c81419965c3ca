package io.fraudpipeline.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fraudpipeline.api.v1alpha1.Backend;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.StartingPosition;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.backend.StackBackend;
import io.fraudpipeline.operator.model.FieldChange;
import io.fraudpipeline.operator.reconciler.StackPlan;
import io.fraudpipeline.operator.runtime.InstalledBackends;
import io.fraudpipeline.operator.stack.ObservedObjects;
import io.fraudpipeline.operator.stack.RenderedStack;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How {@code diff} classifies each object, on both backends: the seed's whole stack, as its
 * controllers would report it Ready, observed; then the spec edited.
 */
class StackDiffTest {

  /** The seed with two alert subscriptions. */
  private static FraudPipeline seed(Backend backend) {
    FraudPipeline p = Fixtures.seed();
    p.getSpec().setBackend(backend);
    p.getSpec().getAlerts().setSubscriptions(Fixtures.twoAlertSubscriptions());
    return p;
  }

  /** The stack of the pipeline as its controllers report it once every object is Ready. */
  private static ObservedObjects readyStackOf(FraudPipeline pipeline) {
    StackBackend backend = InstalledBackends.all().of(pipeline);
    List<GenericKubernetesResource> ready = new ArrayList<>();
    for (var desired : backend.renderAssumingReady(pipeline).desired()) {
      // a JSON round trip, as the objects come back from the API server
      ready.add(
          Serialization.unmarshal(
              Serialization.asJson(backend.withAssumedStatus(desired)),
              GenericKubernetesResource.class));
    }
    return new ObservedObjects(ready);
  }

  private static List<StackDiff.Entry> diffAfter(Backend backend, Consumer<FraudPipeline> edit) {
    FraudPipeline pipeline = seed(backend);
    ObservedObjects observed = readyStackOf(pipeline);
    edit.accept(pipeline);
    StackBackend target = InstalledBackends.all().of(pipeline);
    RenderedStack stack = target.render(pipeline, observed);
    return StackDiff.of(
        StackPlan.of(target, stack, observed), stack.replacements(), target.kinds(), "payments");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aReadyStackUnderItsOwnSpecHasNoChanges(Backend backend) {
    assertThat(diffAfter(backend, p -> {})).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aNewMemorySizeIsAnUpdateOfTheProcessorFromOldToNew(Backend backend) {
    List<StackDiff.Entry> entries =
        diffAfter(backend, p -> p.getSpec().getFunctions().getProcessor().setMemoryMb(1024));

    assertThat(entries)
        .filteredOn(e -> e.name().endsWith("-processor"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo(StackDiff.Action.UPDATE);
              assertThat(e.kind()).startsWith("Function.lambda.");
              assertThat(e.changes())
                  .extracting(FieldChange::path, FieldChange::before, FieldChange::after)
                  .containsExactly(
                      org.assertj.core.groups.Tuple.tuple(
                          settings(backend) + ".memorySize", 512, 1024));
              assertThat(e.immutable()).isEmpty();
            });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aNewStartingPositionReplacesTheMappingAndSaysWhatItCosts(Backend backend) {
    List<StackDiff.Entry> entries =
        diffAfter(
            backend,
            p -> p.getSpec().getStream().setStartingPosition(StartingPosition.TRIM_HORIZON));

    assertThat(entries)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo(StackDiff.Action.REPLACE);
              assertThat(e.kind()).startsWith("EventSourceMapping.lambda.");
              assertThat(e.name()).startsWith("payments-processor-stream");
              assertThat(e.changes())
                  .contains(
                      new FieldChange(
                          settings(backend) + ".startingPosition", "LATEST", "TRIM_HORIZON"));
              assertThat(e.immutable()).containsExactly(settings(backend) + ".startingPosition");
              assertThat(e.note())
                  .isEqualTo(
                      "the new mapping reads the stream from TRIM_HORIZON: every record still in"
                          + " the stream (up to 24 hours) is processed again");
              if (backend == Backend.ACK) {
                // ACK's mapping is named by what cannot change: a new object, once the old is gone
                assertThat(e.replacedBy())
                    .startsWith("payments-processor-stream-")
                    .isNotEqualTo(e.name());
              } else {
                assertThat(e.replacedBy()).isNull();
              }
            });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void fewerAlertSubscriptionsDeleteTheOneNoLongerWanted(Backend backend) {
    List<StackDiff.Entry> entries =
        diffAfter(backend, p -> p.getSpec().getAlerts().getSubscriptions().remove(0));

    assertThat(entries)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo(StackDiff.Action.DELETE);
              assertThat(e.name()).startsWith("payments-alerts-sub-");
              assertThat(e.note()).isEqualTo("no longer wanted by the spec");
            });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void beforeAnythingExistsEveryObjectIsACreateSortedByKindThenName(Backend backend) {
    FraudPipeline pipeline = seed(backend);
    StackBackend target = InstalledBackends.all().of(pipeline);
    RenderedStack stack = target.render(pipeline, ObservedObjects.none());
    List<StackDiff.Entry> entries =
        StackDiff.of(
            StackPlan.of(target, stack, ObservedObjects.none()),
            stack.replacements(),
            target.kinds(),
            "payments");

    assertThat(entries)
        .hasSize(stack.total())
        .allSatisfy(e -> assertThat(e.action()).isEqualTo(StackDiff.Action.CREATE));
    assertThat(entries)
        .filteredOn(e -> e.note() != null)
        .as("the creates that wait for another object's status say for what")
        .hasSize(stack.waiting().size())
        .allSatisfy(e -> assertThat(e.note()).startsWith("once waiting for "));
    assertThat(entries)
        .extracting(e -> e.kind() + " " + e.name())
        .isSortedAccordingTo(String::compareTo)
        .allSatisfy(k -> assertThat(k).matches("\\w+\\.[a-z0-9.]+ .*"));
  }

  private static String settings(Backend backend) {
    return backend == Backend.ACK ? "spec" : "spec.forProvider";
  }
}
