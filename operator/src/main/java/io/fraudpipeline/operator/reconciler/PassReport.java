package io.fraudpipeline.operator.reconciler;

import io.fraudpipeline.api.v1alpha1.ConditionReasons;
import io.fraudpipeline.api.v1alpha1.ConditionTypes;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.FraudPipelineStatus;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one pass tells people, in the log and as the pipeline's events: what it changed, and each
 * transition of the status (stalled, Ready, a setting the backend cannot apply) once, when it
 * happens, so an unchanged pipeline costs no event write.
 */
final class PassReport {

  /** The reconciler's category, which users' logging configuration names. */
  private static final Logger LOG = LoggerFactory.getLogger(FraudPipelineReconciler.class);

  private final FraudPipeline pipeline;
  private final PipelineEvents events;

  PassReport(FraudPipeline pipeline, PipelineEvents events) {
    this.pipeline = pipeline;
    this.events = events;
  }

  /**
   * @param announceCreates one event for the first wave of creates and one for a repair of a Ready
   *     stack; the waves in between are progress (the log and the status say it): an event each
   *     would cost a write each
   */
  void changes(StackApplier.Changes changes, boolean announceCreates) {
    if (!changes.any()) {
      return;
    }
    LOG.info(
        "pipeline {}/{}: created {}, updated {}, deleted {} managed resources",
        pipeline.getMetadata().getNamespace(),
        pipeline.getMetadata().getName(),
        changes.created(),
        changes.updated(),
        changes.deleted().size());
    if (changes.created() > 0 && announceCreates) {
      events.normal(pipeline, "Created", "Created " + changes.created() + " managed resources");
    }
    if (!changes.deleted().isEmpty()) {
      events.normal(
          pipeline,
          "Deleted",
          "Deleted managed resources no longer wanted: " + String.join(", ", changes.deleted()));
    }
  }

  /** What the new status says that the pipeline's current one does not. */
  void transitions(FraudPipelineStatus status) {
    FraudPipelineStatus before = pipeline.getStatus();
    unsupported(before, status);
    if (Conditions.isTrue(status, ConditionTypes.STALLED)
        && !Conditions.isTrue(before, ConditionTypes.STALLED)) {
      String message = message(status, ConditionTypes.STALLED);
      warn(message);
      events.warning(pipeline, ConditionReasons.RESOURCE_TERMINAL, message);
    }
    if (Conditions.isTrue(status, ConditionTypes.READY)
        && !Conditions.isTrue(before, ConditionTypes.READY)) {
      events.normal(
          pipeline,
          "Ready",
          status.getApiEndpoint() == null
              ? "All managed resources are Ready"
              : "Ready: " + status.getApiEndpoint());
    }
  }

  /** A stall or a wait, the first time it is said. */
  void stalled(Stall stall) {
    if (!alreadySaid(pipeline.getStatus(), stall)) {
      if (stall.needsSomeone()) {
        warn(stall.message());
      } else {
        LOG.info(
            "pipeline {}/{} waits: {}",
            pipeline.getMetadata().getNamespace(),
            pipeline.getMetadata().getName(),
            stall.message());
      }
      events.warning(pipeline, stall.reason(), stall.message());
    }
  }

  /** A setting the backend cannot apply is said once, when it first shows (and in the status). */
  private void unsupported(FraudPipelineStatus before, FraudPipelineStatus status) {
    List<?> previous = before == null ? List.of() : before.getUnsupported();
    if (status.getUnsupported().isEmpty() || status.getUnsupported().equals(previous)) {
      return;
    }
    events.warning(
        pipeline,
        "UnsupportedSettings",
        "Backend "
            + pipeline.getSpec().getBackend().value()
            + " cannot apply: "
            + status.getUnsupported().stream()
                .map(u -> u.getField() + " (" + u.getReason() + ")")
                .collect(Collectors.joining("; ")));
  }

  private void warn(String message) {
    LOG.warn(
        "pipeline {}/{} stalled: {}",
        pipeline.getMetadata().getNamespace(),
        pipeline.getMetadata().getName(),
        message);
  }

  private static String message(FraudPipelineStatus status, String type) {
    return status.getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .map(c -> c.getMessage())
        .findFirst()
        .orElse("");
  }

  /** The status already says it: Ready is False with this reason and message. */
  private static boolean alreadySaid(FraudPipelineStatus previous, Stall stall) {
    return previous != null
        && previous.getConditions().stream()
            .anyMatch(
                c ->
                    c.getType().equals(ConditionTypes.READY)
                        && c.getStatus().equals("False")
                        && stall.reason().equals(c.getReason())
                        && stall.message().equals(c.getMessage()));
  }
}
