package io.fraudpipeline.operator.reconciler;

import io.fabric8.kubernetes.api.model.Condition;
import io.fraudpipeline.api.v1alpha1.ConditionTypes;
import io.fraudpipeline.api.v1alpha1.FraudPipelineStatus;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a changed status is written. A change of a condition (type, status or reason) or of what the
 * status reports about the stack (generation, names, unsupported settings) is written at once;
 * progress alone (resource counts, the pending list, condition messages, the alert topic's ARN and
 * the endpoint before the stack is Ready) is coalesced, the latest written when due. Each MR
 * turning Ready would otherwise cost a status write, 41 per pipeline, and a write per wave of MRs
 * still costs several when many pipelines roll out at once. Progress is due once the time since the
 * last write is as long as the rollout had run at that write (at least the first interval, at most
 * the longest): writes at about 5, 10, 20, 40 s and so on, a few per rollout however long it takes.
 */
final class StatusWrites {

  private record Rollout(Instant started, Long generation, Instant lastWrite) {}

  private final Clock clock;
  private final Duration first;
  private final Duration longest;
  private final Map<ResourceID, Rollout> rollouts = new ConcurrentHashMap<>();

  StatusWrites(Clock clock, Duration first, Duration longest) {
    this.clock = clock;
    this.first = first;
    this.longest = longest;
  }

  /** Zero to write now; otherwise how long until this progress is due. */
  Duration due(ResourceID pipeline, FraudPipelineStatus written, FraudPipelineStatus next) {
    Rollout rollout = rollouts.get(pipeline);
    if (rollout == null || written == null || !progressOnly(written, next)) {
      return Duration.ZERO;
    }
    Duration ran = Duration.between(rollout.started(), rollout.lastWrite());
    Duration wait = ran.compareTo(first) < 0 ? first : ran.compareTo(longest) > 0 ? longest : ran;
    Duration since = Duration.between(rollout.lastWrite(), clock.instant());
    return since.compareTo(wait) >= 0 ? Duration.ZERO : wait.minus(since);
  }

  /** Records a write of {@code status}; a new generation starts a new rollout. */
  void written(ResourceID pipeline, FraudPipelineStatus status) {
    if (Conditions.isTrue(status, ConditionTypes.READY)) {
      rollouts.remove(pipeline); // settled: nothing left to coalesce, nothing kept per pipeline
      return;
    }
    Instant now = clock.instant();
    Rollout rollout = rollouts.get(pipeline);
    boolean sameRollout =
        rollout != null && Objects.equals(rollout.generation(), status.getObservedGeneration());
    rollouts.put(
        pipeline,
        new Rollout(sameRollout ? rollout.started() : now, status.getObservedGeneration(), now));
  }

  /** The pipeline is gone: nothing kept for it. */
  void forget(ResourceID pipeline) {
    rollouts.remove(pipeline);
  }

  private static boolean progressOnly(FraudPipelineStatus a, FraudPipelineStatus b) {
    return Objects.equals(a.getObservedGeneration(), b.getObservedGeneration())
        && Objects.equals(a.getEnvironmentSuffix(), b.getEnvironmentSuffix())
        && Objects.equals(a.getTransactionsTable(), b.getTransactionsTable())
        && Objects.equals(a.getFraudScoresTable(), b.getFraudScoresTable())
        && Objects.equals(a.getUnsupported(), b.getUnsupported())
        && states(a.getConditions()).equals(states(b.getConditions()));
  }

  private static List<String> states(List<Condition> conditions) {
    return conditions.stream()
        .map(c -> c.getType() + "=" + c.getStatus() + "/" + c.getReason())
        .sorted()
        .toList();
  }
}
