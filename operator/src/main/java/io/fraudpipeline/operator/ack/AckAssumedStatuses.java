package io.fraudpipeline.operator.ack;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.operator.stack.AssumedAws;
import io.fraudpipeline.operator.stack.Output;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The status an ACK controller reports for an object it has synced: {@code ackResourceMetadata},
 * the ids and ARNs others copy, and {@code ACK.ResourceSynced} True, with {@link AssumedAws}
 * values.
 */
final class AckAssumedStatuses {

  private AckAssumedStatuses() {}

  /** A copy of the object with a synced status and the fields other objects copy. */
  static GenericKubernetesResource withStatus(GenericKubernetesResource desired) {
    Map<String, Object> status = new LinkedHashMap<>(fields(desired));
    status.put(
        "conditions",
        List.of(AssumedAws.trueCondition(AckDialect.SYNCED, "", "Resource synced successfully")));
    return AssumedAws.withStatus(desired, status);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> fields(GenericKubernetesResource r) {
    Map<String, Object> spec = (Map<String, Object>) r.getAdditionalProperties().get("spec");
    String region =
        r.getMetadata().getAnnotations() == null
            ? "us-east-1"
            : r.getMetadata().getAnnotations().getOrDefault(AckAnnotations.REGION, "us-east-1");
    AssumedAws aws = new AssumedAws(region);
    String name = r.getMetadata().getName();
    Map<String, Object> status = new LinkedHashMap<>();
    String arn = null;
    switch (r.getKind()) {
      case "Table" -> {
        arn = aws.tableArn((String) spec.get("tableName"));
        status.put("tableStatus", "ACTIVE");
        if (spec.get("streamSpecification") != null) {
          status.put(field(Output.STREAM_ARN), aws.streamArn(arn));
          status.put("latestStreamLabel", AssumedAws.STREAM_LABEL);
        }
      }
      case "Queue" -> {
        arn = aws.arn("sqs", (String) spec.get("queueName"));
        status.put("queueURL", aws.queueUrl((String) spec.get("queueName")));
      }
      case "Topic" -> arn = aws.arn("sns", (String) spec.get("name"));
      case "Subscription" -> {
        arn = aws.arn("sns", AssumedAws.id(name));
        status.put("pendingConfirmation", "false");
      }
      case "Role" -> arn = aws.roleArn((String) spec.get("name"));
      case "LogGroup" -> arn = aws.arn("logs", "log-group:" + spec.get("name"));
      case "Function" -> {
        arn = aws.functionArn((String) spec.get("name"));
        status.put("state", "Active");
        status.put(
            field(Output.VERSION), Boolean.TRUE.equals(spec.get("publish")) ? "1" : "$LATEST");
      }
      case "Alias" ->
          arn = aws.functionArn((String) spec.get("functionName")) + ":" + spec.get("name");
      case "EventSourceMapping" -> {
        status.put(field(Output.UUID), AssumedAws.uuid(name));
        status.put("state", "Enabled");
      }
      case "RestAPI" -> {
        status.put(field(Output.ID), AssumedAws.id(name));
        status.put(field(Output.ROOT_RESOURCE_ID), AssumedAws.id(name + "/"));
      }
      case "Resource", "Deployment" -> status.put(field(Output.ID), AssumedAws.id(name));
      case "Rule" -> arn = aws.arn("events", "rule/" + spec.get("name"));
      default -> {
        // Method, Integration, Stage, MetricAlarm, Dashboard: nothing but conditions and metadata
      }
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    if (arn != null) {
      meta.put(field(Output.ARN), arn);
    }
    meta.put(field(Output.ACCOUNT), AssumedAws.ACCOUNT);
    meta.put("region", region);
    status.put(AckDialect.METADATA, meta);
    return status;
  }

  private static String field(Output output) {
    return AckDialect.STATUS.get(output);
  }
}
