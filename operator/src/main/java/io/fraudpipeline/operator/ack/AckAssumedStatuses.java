package io.fraudpipeline.operator.ack;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.crossplane.AssumedStatuses;
import io.fraudpipeline.operator.crossplane.ObservedResources;
import io.fraudpipeline.operator.crossplane.RenderedStack;
import io.fraudpipeline.operator.model.AwsPartition;
import io.fraudpipeline.operator.model.DeploymentTrigger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plausible ACK statuses, as if every controller had synced every object, in the same fake account
 * as Crossplane's ({@value AssumedStatuses#ACCOUNT}): {@code ackResourceMetadata}, the ids and ARNs
 * others copy, and {@code ACK.ResourceSynced} True. Lets {@code render --assume-ready} show the
 * whole stack and tests play the ACK controllers.
 */
public final class AckAssumedStatuses {

  private static final String TIME = "2026-01-01T00:00:00Z";

  private AckAssumedStatuses() {}

  /** Builds, assumes statuses for what was built, and builds again until nothing waits. */
  public static RenderedStack renderAssumingReady(FraudPipeline pipeline) {
    RenderedStack stack = AckStack.build(pipeline, ObservedResources.none());
    for (int round = 0; round < 20 && !stack.waiting().isEmpty(); round++) {
      ObservedResources observed =
          new ObservedResources(
              stack.desired().stream().map(AckAssumedStatuses::withStatus).toList());
      RenderedStack next = AckStack.build(pipeline, observed);
      boolean progress =
          next.desired().size() > stack.desired().size()
              || next.waiting().size() < stack.waiting().size();
      stack = next;
      if (!progress) {
        break;
      }
    }
    // once more, so what is reported from status (the endpoint) is there
    ObservedResources all =
        new ObservedResources(
            stack.desired().stream().map(AckAssumedStatuses::withStatus).toList());
    return AckStack.build(pipeline, all);
  }

  /** A copy of the object with a synced status and the fields other objects copy. */
  public static GenericKubernetesResource withStatus(GenericKubernetesResource desired) {
    GenericKubernetesResource copy = new GenericKubernetesResource();
    copy.setApiVersion(desired.getApiVersion());
    copy.setKind(desired.getKind());
    copy.setMetadata(desired.getMetadata());
    copy.setAdditionalProperty("spec", desired.getAdditionalProperties().get("spec"));
    Map<String, Object> status = new LinkedHashMap<>(fields(desired));
    status.put("conditions", List.of(synced()));
    copy.setAdditionalProperty("status", status);
    return copy;
  }

  private static Map<String, Object> synced() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("type", AckReadiness.SYNCED);
    c.put("status", "True");
    c.put("reason", "");
    c.put("message", "Resource synced successfully");
    c.put("lastTransitionTime", TIME);
    return c;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> fields(GenericKubernetesResource r) {
    Map<String, Object> spec = (Map<String, Object>) r.getAdditionalProperties().get("spec");
    String region =
        r.getMetadata().getAnnotations() == null
            ? "us-east-1"
            : r.getMetadata().getAnnotations().getOrDefault(AckAnnotations.REGION, "us-east-1");
    String account = AssumedStatuses.ACCOUNT;
    String prefix = "arn:" + AwsPartition.of(region) + ":";
    String name = r.getMetadata().getName();
    Map<String, Object> status = new LinkedHashMap<>();
    String arn = null;
    switch (r.getKind()) {
      case "Table" -> {
        arn = prefix + "dynamodb:" + region + ":" + account + ":table/" + spec.get("tableName");
        status.put("tableStatus", "ACTIVE");
        if (spec.get("streamSpecification") != null) {
          status.put(AckStatus.LATEST_STREAM_ARN, arn + "/stream/2026-01-01T00:00:00.000");
          status.put("latestStreamLabel", "2026-01-01T00:00:00.000");
        }
      }
      case "Queue" -> {
        arn = prefix + "sqs:" + region + ":" + account + ":" + spec.get("queueName");
        status.put(
            "queueURL",
            "https://sqs." + region + ".amazonaws.com/" + account + "/" + spec.get("queueName"));
      }
      case "Topic" -> arn = prefix + "sns:" + region + ":" + account + ":" + spec.get("name");
      case "Subscription" -> {
        arn = prefix + "sns:" + region + ":" + account + ":" + fakeId(name);
        status.put("pendingConfirmation", "false");
      }
      case "Role" -> arn = prefix + "iam::" + account + ":role/" + spec.get("name");
      case "LogGroup" ->
          arn = prefix + "logs:" + region + ":" + account + ":log-group:" + spec.get("name");
      case "Function" -> {
        arn = prefix + "lambda:" + region + ":" + account + ":function:" + spec.get("name");
        status.put("state", "Active");
        status.put(AckStatus.VERSION, Boolean.TRUE.equals(spec.get("publish")) ? "1" : "$LATEST");
      }
      case "Alias" -> {
        arn =
            prefix
                + "lambda:"
                + region
                + ":"
                + account
                + ":function:"
                + spec.get("functionName")
                + ":"
                + spec.get("name");
      }
      case "EventSourceMapping" -> {
        status.put(AckStatus.UUID, uuid(name));
        status.put("state", "Enabled");
      }
      case "RestAPI" -> {
        status.put(AckStatus.ID, fakeId(name));
        status.put(AckStatus.ROOT_RESOURCE_ID, fakeId(name + "/"));
      }
      case "Resource", "Deployment" -> status.put(AckStatus.ID, fakeId(name));
      default -> {
        // Method, Integration, Stage, MetricAlarm: nothing but conditions and metadata
      }
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    if (arn != null) {
      meta.put(AckStatus.ARN, arn);
    }
    meta.put(AckStatus.ACCOUNT, account);
    meta.put("region", region);
    status.put("ackResourceMetadata", meta);
    return status;
  }

  private static String fakeId(String seed) {
    return DeploymentTrigger.hash(seed).substring(0, 10);
  }

  private static String uuid(String seed) {
    String h = DeploymentTrigger.hash(seed);
    return h.substring(0, 8)
        + "-"
        + h.substring(8, 12)
        + "-"
        + h.substring(12, 16)
        + "-"
        + h.substring(16, 20)
        + "-"
        + h.substring(20, 32);
  }
}
