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
 * status reports about the stack (generation, endpoint, names) is written at once; progress alone
 * (resource counts, the pending list, condition messages) at most once per interval per pipeline,
 * the latest then. Each MR turning Ready would otherwise cost a status write, 38 per pipeline.
 */
final class StatusWrites {

  private final Clock clock;
  private final Duration interval;
  private final Map<ResourceID, Instant> lastWrite = new ConcurrentHashMap<>();

  StatusWrites(Clock clock, Duration interval) {
    this.clock = clock;
    this.interval = interval;
  }

  /** Zero to write now; otherwise how long until this progress is due. */
  Duration due(ResourceID pipeline, FraudPipelineStatus written, FraudPipelineStatus next) {
    Instant last = lastWrite.get(pipeline);
    if (last == null || written == null || !progressOnly(written, next)) {
      return Duration.ZERO;
    }
    Duration since = Duration.between(last, clock.instant());
    return since.compareTo(interval) >= 0 ? Duration.ZERO : interval.minus(since);
  }

  void written(ResourceID pipeline, FraudPipelineStatus status) {
    if (Conditions.isTrue(status, ConditionTypes.READY)) {
      lastWrite.remove(pipeline); // settled: nothing left to coalesce, nothing kept per pipeline
    } else {
      lastWrite.put(pipeline, clock.instant());
    }
  }

  private static boolean progressOnly(FraudPipelineStatus a, FraudPipelineStatus b) {
    return Objects.equals(a.getObservedGeneration(), b.getObservedGeneration())
        && Objects.equals(a.getApiEndpoint(), b.getApiEndpoint())
        && Objects.equals(a.getEnvironmentSuffix(), b.getEnvironmentSuffix())
        && Objects.equals(a.getTransactionsTable(), b.getTransactionsTable())
        && Objects.equals(a.getFraudScoresTable(), b.getFraudScoresTable())
        && Objects.equals(a.getAlertTopicArn(), b.getAlertTopicArn())
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
