package io.fraudpipeline.operator.reconciler;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fraudpipeline.api.v1alpha1.FraudPipelineStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The pipeline's kstatus conditions, in one place. A condition keeps its lastTransitionTime while
 * its status stays the same, so an unchanged pipeline produces an identical status and no write.
 */
public final class Conditions {

  /** Whether the status has a condition of this type that is True. */
  public static boolean isTrue(FraudPipelineStatus status, String type) {
    return status != null
        && status.getConditions().stream()
            .anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private final List<Condition> previous;
  private final long generation;
  private final Clock clock;
  private final List<Condition> result = new ArrayList<>();

  Conditions(List<Condition> previous, long generation, Clock clock) {
    this.previous = previous == null ? List.of() : previous;
    this.generation = generation;
    this.clock = clock;
  }

  Conditions set(String type, boolean status, String reason, String message) {
    String s = status ? "True" : "False";
    String since =
        previous.stream()
            .filter(c -> c.getType().equals(type) && c.getStatus().equals(s))
            .map(Condition::getLastTransitionTime)
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
    result.add(
        new ConditionBuilder()
            .withType(type)
            .withStatus(s)
            .withReason(reason)
            .withMessage(message)
            .withObservedGeneration(generation)
            .withLastTransitionTime(since)
            .build());
    return this;
  }

  /** Keeps the previous condition of this type as it was, if there was one. */
  Conditions keep(String type) {
    previous.stream().filter(c -> c.getType().equals(type)).findFirst().ifPresent(result::add);
    return this;
  }

  List<Condition> build() {
    return result;
  }
}
