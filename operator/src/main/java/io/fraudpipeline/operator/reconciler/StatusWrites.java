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
 * (resource counts, the pending list, condition messages, the alert topic's ARN) is coalesced, the
 * latest written when due. Each MR turning Ready would otherwise cost a status write, 41 per
 * pipeline. The wait between progress writes doubles after each, from the first interval up to the
 * longest: a rollout costs a few progress writes however long it takes (on a busy API server, with
 * many pipelines at once, it takes long), and the first ones still come soon.
 */
final class StatusWrites {

  private record LastWrite(Instant at, Duration pause) {}

  private final Clock clock;
  private final Duration first;
  private final Duration longest;
  private final Map<ResourceID, LastWrite> lastWrite = new ConcurrentHashMap<>();

  StatusWrites(Clock clock, Duration first, Duration longest) {
    this.clock = clock;
    this.first = first;
    this.longest = longest;
  }

  /** Zero to write now; otherwise how long until this progress is due. */
  Duration due(ResourceID pipeline, FraudPipelineStatus written, FraudPipelineStatus next) {
    LastWrite last = lastWrite.get(pipeline);
    if (last == null || written == null || !progressOnly(written, next)) {
      return Duration.ZERO;
    }
    Duration since = Duration.between(last.at(), clock.instant());
    return since.compareTo(last.pause()) >= 0 ? Duration.ZERO : last.pause().minus(since);
  }

  /** Records a write of {@code status} over {@code previous} (null: the pipeline had none). */
  void written(ResourceID pipeline, FraudPipelineStatus previous, FraudPipelineStatus status) {
    if (Conditions.isTrue(status, ConditionTypes.READY)) {
      lastWrite.remove(pipeline); // settled: nothing left to coalesce, nothing kept per pipeline
      return;
    }
    LastWrite last = lastWrite.get(pipeline);
    Duration wait = first;
    if (last != null) {
      wait = last.pause();
      if (previous != null && progressOnly(previous, status)) {
        Duration doubled = wait.multipliedBy(2);
        wait = doubled.compareTo(longest) > 0 ? longest : doubled;
      }
    }
    lastWrite.put(pipeline, new LastWrite(clock.instant(), wait));
  }

  private static boolean progressOnly(FraudPipelineStatus a, FraudPipelineStatus b) {
    return Objects.equals(a.getObservedGeneration(), b.getObservedGeneration())
        && Objects.equals(a.getApiEndpoint(), b.getApiEndpoint())
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
