package io.fraudpipeline.operator.crossplane;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.crossplane.kinds.ManagedResource;
import io.fraudpipeline.operator.model.AwsPartition;
import io.fraudpipeline.operator.model.DeploymentTrigger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plausible provider statuses for MRs, as if every one were Ready, in the clearly fake account
 * {@value #ACCOUNT}: lets {@code render --assume-ready} show the whole stack, and lets tests play
 * the provider.
 */
public final class AssumedStatuses {

  public static final String ACCOUNT = "000000000000";
  private static final String TIME = "2026-01-01T00:00:00Z";

  private AssumedStatuses() {}

  /**
   * Renders the stack as it will be once every MR is Ready: builds, assumes statuses for what was
   * built, and builds again until a round adds nothing: the last build sees a status for every MR,
   * including those of the round that emptied the waiting list.
   */
  public static RenderedStack renderAssumingReady(FraudPipeline pipeline) {
    ObservedResources observed = ObservedResources.none();
    RenderedStack stack = CrossplaneStack.build(pipeline, observed);
    for (int round = 0; round < 20; round++) {
      observed = new ObservedResources(withStatuses(stack.desired()));
      RenderedStack next = CrossplaneStack.build(pipeline, observed);
      boolean progress = next.desired().size() > stack.desired().size();
      stack = next;
      if (!progress) {
        break;
      }
    }
    return stack;
  }

  public static List<GenericKubernetesResource> withStatuses(List<ManagedResource> resources) {
    List<GenericKubernetesResource> out = new ArrayList<>();
    for (ManagedResource r : resources) {
      out.add(withStatus(r));
    }
    return out;
  }

  /** A copy of the MR with a Ready status and the atProvider fields other MRs read. */
  public static GenericKubernetesResource withStatus(GenericKubernetesResource desired) {
    GenericKubernetesResource copy = new GenericKubernetesResource();
    copy.setApiVersion(desired.getApiVersion());
    copy.setKind(desired.getKind());
    copy.setMetadata(desired.getMetadata());
    copy.setAdditionalProperty("spec", desired.getAdditionalProperties().get("spec"));
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("atProvider", atProvider(desired));
    status.put(
        "conditions",
        List.of(condition("Ready", "Available"), condition("Synced", "ReconcileSuccess")));
    copy.setAdditionalProperty("status", status);
    return copy;
  }

  private static Map<String, Object> condition(String type, String reason) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("type", type);
    c.put("status", "True");
    c.put("reason", reason);
    c.put("lastTransitionTime", TIME);
    return c;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> atProvider(GenericKubernetesResource r) {
    Map<String, Object> spec = (Map<String, Object>) r.getAdditionalProperties().get("spec");
    Map<String, Object> forProvider = (Map<String, Object>) spec.get("forProvider");
    String region = (String) forProvider.getOrDefault("region", "us-east-1");
    String partition = AwsPartition.of(region);
    String name = r.getMetadata().getName();
    String external =
        r.getMetadata().getAnnotations() == null
            ? name
            : r.getMetadata().getAnnotations().getOrDefault(MrBuilder.EXTERNAL_NAME, name);
    String prefix = "arn:" + partition + ":";
    Map<String, Object> at = new LinkedHashMap<>();
    switch (r.getKind()) {
      case "Table" -> {
        String arn = prefix + "dynamodb:" + region + ":" + ACCOUNT + ":table/" + external;
        at.put("id", external);
        at.put("arn", arn);
        at.put("streamArn", arn + "/stream/2026-01-01T00:00:00.000");
      }
      case "Queue" -> {
        String queue = (String) forProvider.get("name");
        at.put("id", "https://sqs." + region + ".amazonaws.com/" + ACCOUNT + "/" + queue);
        at.put("arn", prefix + "sqs:" + region + ":" + ACCOUNT + ":" + queue);
        at.put("url", at.get("id"));
      }
      case "Topic" -> {
        at.put("arn", prefix + "sns:" + region + ":" + ACCOUNT + ":" + external);
        at.put("id", at.get("arn"));
      }
      case "Role" -> {
        at.put("id", external);
        at.put("arn", prefix + "iam::" + ACCOUNT + ":role/" + external);
      }
      case "Group" -> {
        at.put("id", external);
        at.put("arn", prefix + "logs:" + region + ":" + ACCOUNT + ":log-group:" + external);
      }
      case "Function" -> {
        String arn = functionArn(prefix, region, external);
        at.put("id", external);
        at.put("arn", arn);
        at.put("invokeArn", invokeArn(prefix, region, arn));
        // what Lambda reports with publish: the first version; $LATEST without
        boolean publish = Boolean.TRUE.equals(forProvider.get("publish"));
        at.put("version", publish ? "1" : "$LATEST");
        at.put("qualifiedArn", arn + ":" + at.get("version"));
      }
      case "Alias" -> {
        String function = (String) forProvider.get("functionName");
        String arn = functionArn(prefix, region, function) + ":" + external;
        at.put("id", arn);
        at.put("arn", arn);
        at.put("invokeArn", invokeArn(prefix, region, arn));
        at.put("functionVersion", forProvider.get("functionVersion"));
      }
      case "RestAPI" -> {
        String id = fakeId(name);
        at.put("id", id);
        at.put("rootResourceId", fakeId(name + "/"));
        at.put("arn", prefix + "apigateway:" + region + "::/restapis/" + id);
        at.put("executionArn", prefix + "execute-api:" + region + ":" + ACCOUNT + ":" + id);
      }
      case "Stage" -> {
        String apiId = fakeId(refName(forProvider, "restApiIdRef"));
        String stage = (String) forProvider.get("stageName");
        at.put("id", "ags-" + apiId + "-" + stage);
        at.put(
            "invokeUrl", "https://" + apiId + ".execute-api." + region + ".amazonaws.com/" + stage);
      }
      case "MetricAlarm" -> {
        at.put("id", external);
        at.put("arn", prefix + "cloudwatch:" + region + ":" + ACCOUNT + ":alarm:" + external);
      }
      default -> at.put("id", fakeId(name));
    }
    return at;
  }

  private static String functionArn(String prefix, String region, String functionName) {
    return prefix + "lambda:" + region + ":" + ACCOUNT + ":function:" + functionName;
  }

  private static String invokeArn(String prefix, String region, String functionArn) {
    return prefix
        + "apigateway:"
        + region
        + ":lambda:path/2015-03-31/functions/"
        + functionArn
        + "/invocations";
  }

  @SuppressWarnings("unchecked")
  private static String refName(Map<String, Object> forProvider, String field) {
    Object ref = forProvider.get(field);
    return ref instanceof Map<?, ?> m ? String.valueOf(((Map<String, Object>) m).get("name")) : "";
  }

  /** A stable 10-character id, like those API Gateway assigns. */
  private static String fakeId(String seed) {
    return DeploymentTrigger.hash(seed).substring(0, 10);
  }
}
