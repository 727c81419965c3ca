package io.fraudpipeline.operator.crossplane;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.operator.stack.AssumedAws;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The status an Upbound provider reports for an MR it has made Ready: {@code Ready} and {@code
 * Synced} True, and the {@code atProvider} fields other MRs read, with {@link AssumedAws} values.
 */
final class AssumedStatuses {

  private AssumedStatuses() {}

  /** A copy of the MR with a Ready status and the atProvider fields other MRs read. */
  static GenericKubernetesResource withStatus(GenericKubernetesResource desired) {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("atProvider", atProvider(desired));
    status.put(
        "conditions",
        List.of(
            AssumedAws.trueCondition("Ready", "Available", null),
            AssumedAws.trueCondition("Synced", "ReconcileSuccess", null)));
    return AssumedAws.withStatus(desired, status);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> atProvider(GenericKubernetesResource r) {
    Map<String, Object> spec = (Map<String, Object>) r.getAdditionalProperties().get("spec");
    Map<String, Object> forProvider = (Map<String, Object>) spec.get("forProvider");
    String region = (String) forProvider.getOrDefault("region", "us-east-1");
    AssumedAws aws = new AssumedAws(region);
    String name = r.getMetadata().getName();
    String external =
        r.getMetadata().getAnnotations() == null
            ? name
            : r.getMetadata().getAnnotations().getOrDefault(CrossplaneDialect.EXTERNAL_NAME, name);
    Map<String, Object> at = new LinkedHashMap<>();
    switch (r.getKind()) {
      case "Table" -> {
        String arn = aws.tableArn(external);
        at.put("id", external);
        at.put("arn", arn);
        at.put("streamArn", aws.streamArn(arn));
      }
      case "Queue" -> {
        String queue = (String) forProvider.get("name");
        at.put("id", aws.queueUrl(queue));
        at.put("arn", aws.arn("sqs", queue));
        at.put("url", at.get("id"));
      }
      case "Topic" -> {
        at.put("arn", aws.arn("sns", external));
        at.put("id", at.get("arn"));
      }
      case "Role" -> {
        at.put("id", external);
        at.put("arn", aws.roleArn(external));
      }
      case "Group" -> {
        at.put("id", external);
        at.put("arn", aws.arn("logs", "log-group:" + external));
      }
      case "Function" -> {
        String arn = aws.functionArn(external);
        at.put("id", external);
        at.put("arn", arn);
        at.put("invokeArn", aws.invokeArn(arn));
        // what Lambda reports with publish: the first version; $LATEST without
        boolean publish = Boolean.TRUE.equals(forProvider.get("publish"));
        at.put("version", publish ? "1" : "$LATEST");
        at.put("qualifiedArn", arn + ":" + at.get("version"));
      }
      case "Alias" -> {
        String arn = aws.functionArn((String) forProvider.get("functionName")) + ":" + external;
        at.put("id", arn);
        at.put("arn", arn);
        at.put("invokeArn", aws.invokeArn(arn));
        at.put("functionVersion", forProvider.get("functionVersion"));
      }
      case "RestAPI" -> {
        String id = AssumedAws.id(name);
        at.put("id", id);
        at.put("rootResourceId", AssumedAws.id(name + "/"));
        at.put("arn", aws.accountlessArn("apigateway", "/restapis/" + id));
        at.put("executionArn", aws.arn("execute-api", id));
      }
      case "Stage" -> {
        String apiId = AssumedAws.id(refName(forProvider, "restApiIdRef"));
        String stage = (String) forProvider.get("stageName");
        at.put("id", "ags-" + apiId + "-" + stage);
        at.put(
            "invokeUrl", "https://" + apiId + ".execute-api." + region + ".amazonaws.com/" + stage);
      }
      case "Rule" -> {
        at.put("id", external);
        at.put("arn", aws.arn("events", "rule/" + external));
      }
      case "MetricAlarm" -> {
        at.put("id", external);
        at.put("arn", aws.arn("cloudwatch", "alarm:" + external));
      }
      default -> at.put("id", AssumedAws.id(name));
    }
    return at;
  }

  @SuppressWarnings("unchecked")
  private static String refName(Map<String, Object> forProvider, String field) {
    Object ref = forProvider.get(field);
    return ref instanceof Map<?, ?> m ? String.valueOf(((Map<String, Object>) m).get("name")) : "";
  }
}
