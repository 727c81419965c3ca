package io.fraudpipeline.operator.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.ack.AckBackend;
import io.fraudpipeline.operator.backend.StackBackend;
import io.fraudpipeline.operator.crossplane.CrossplaneBackend;
import io.fraudpipeline.operator.model.AwsLimit;
import io.fraudpipeline.operator.model.InvalidSpecException;
import io.fraudpipeline.operator.stack.ManagedObject;
import io.fraudpipeline.operator.stack.ObservedObjects;
import io.fraudpipeline.operator.stack.RenderedStack;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every spec inside the CRD's bounds is either refused up front, naming a field, or renders on both
 * backends (fresh and once everything is ready) into objects that each meet every limit of {@link
 * AwsLimit}: nothing the API server accepts fails in AWS on a limit.
 */
class GeneratedSpecsStayWithinAwsLimitsTest {

  /** The field each refusal named, by backend: printed with the outcomes. */
  private static final Map<String, Integer> REFUSED_FIELDS = new TreeMap<>();

  private static final List<StackBackend> BACKENDS =
      List.of(CrossplaneBackend.INSTANCE, AckBackend.INSTANCE);

  static final int TRIES = 1000;

  /** Each try's seed comes from this one; a failure names its try's seed to replay it. */
  static final long SEED = 29;

  @Test
  void aSpecIsRefusedNamingAFieldOrEveryRenderedObjectMeetsEveryLimit() {
    Map<String, Integer> outcomes =
        GeneratedPipelines.tally(SEED, TRIES, pipeline -> List.of(outcome(pipeline)));
    System.out.printf("refused naming %s%n", REFUSED_FIELDS);
    // a generator that only made refused specs would prove nothing
    assertThat(outcomes.getOrDefault("CROSSPLANE rendered, ACK rendered", 0))
        .as("rendered on both backends, of %d tries: %s", TRIES, outcomes)
        .isGreaterThanOrEqualTo(TRIES * 30 / 100);
    assertThat(outcomes.getOrDefault("CROSSPLANE refused, ACK refused", 0))
        .as("refused on both backends, of %d tries: %s", TRIES, outcomes)
        .isGreaterThanOrEqualTo(TRIES * 10 / 100);
  }

  /** Each backend's outcome, "rendered" or "refused"; fails when a rendered object is past one. */
  private static String outcome(FraudPipeline pipeline) {
    List<String> outcomes = new ArrayList<>();
    for (StackBackend backend : BACKENDS) {
      pipeline.getSpec().setBackend(backend.id());
      outcomes.add(
          backend.id() + (rendersWithinLimits(backend, pipeline) ? " rendered" : " refused"));
    }
    return String.join(", ", outcomes);
  }

  /** False when refused naming a field; fails when a rendered object exceeds a limit. */
  private static boolean rendersWithinLimits(StackBackend backend, FraudPipeline pipeline) {
    for (boolean ready : new boolean[] {false, true}) {
      List<String> exceeded;
      try {
        exceeded = exceeded(render(backend, pipeline, ready));
      } catch (InvalidSpecException refused) {
        assertThat(refused.field()).matches("(spec|metadata)\\..+");
        assertThat(refused.getMessage()).startsWith(refused.field() + ": ");
        REFUSED_FIELDS.merge(backend.id() + " " + refused.field(), 1, Integer::sum);
        return false;
      }
      assertThat(exceeded)
          .as(
              "%s%s, %s: past AWS's limits",
              backend.id(), ready ? " (ready)" : "", SpecSummary.of(pipeline))
          .isEmpty();
    }
    return true;
  }

  /** Without this, a limit the reader never finds would pass for met. */
  @Test
  void everyLimitOfTheTableIsMeasuredOnTheExampleStackOfEachBackend() {
    for (StackBackend backend : BACKENDS) {
      FraudPipeline pipeline = Fixtures.seed();
      pipeline.getSpec().setBackend(backend.id());
      Set<AwsLimit> measured = EnumSet.noneOf(AwsLimit.class);
      for (ManagedObject object : backend.renderAssumingReady(pipeline).desired()) {
        RenderedLimits.measure(object).forEach(m -> measured.add(m.limit()));
      }
      assertThat(measured).as(backend.id().name()).containsExactlyInAnyOrder(AwsLimit.values());
    }
  }

  private static RenderedStack render(StackBackend backend, FraudPipeline pipeline, boolean ready) {
    return ready
        ? backend.renderAssumingReady(pipeline)
        : backend.render(pipeline, ObservedObjects.none());
  }

  /** The largest excess of each limit, and how many objects exceed it. */
  private static List<String> exceeded(RenderedStack stack) {
    Map<AwsLimit, List<RenderedLimits.Measure>> byLimit = new EnumMap<>(AwsLimit.class);
    for (ManagedObject object : stack.desired()) {
      RenderedLimits.measure(object).stream()
          .filter(RenderedLimits.Measure::exceeded)
          .forEach(m -> byLimit.computeIfAbsent(m.limit(), l -> new ArrayList<>()).add(m));
    }
    List<String> exceeded = new ArrayList<>();
    byLimit.forEach(
        (limit, measures) -> {
          RenderedLimits.Measure worst =
              measures.stream().max(Comparator.comparingLong(RenderedLimits.Measure::amount)).get();
          exceeded.add(
              worst
                  + " ("
                  + measures.stream().map(RenderedLimits.Measure::object).distinct().count()
                  + " objects)");
        });
    return exceeded;
  }
}
