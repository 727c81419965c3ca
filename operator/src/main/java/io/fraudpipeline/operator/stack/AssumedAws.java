package io.fraudpipeline.operator.stack;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.operator.model.AwsPartition;
import io.fraudpipeline.operator.model.DeploymentTrigger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The plausible AWS values a dialect's assumed statuses are made of, in the clearly fake account
 * {@value #ACCOUNT}: lets {@code render --assume-ready} show the whole stack, and lets tests play
 * the controllers.
 */
public final class AssumedAws {

  public static final String ACCOUNT = "000000000000";

  /** The transition time of every assumed condition. */
  public static final String TIME = "2026-01-01T00:00:00Z";

  /** The label of every assumed table stream. */
  public static final String STREAM_LABEL = "2026-01-01T00:00:00.000";

  private final String region;
  private final String prefix;

  public AssumedAws(String region) {
    this.region = region;
    this.prefix = "arn:" + AwsPartition.of(region) + ":";
  }

  public String region() {
    return region;
  }

  /** {@code arn:<partition>:<service>:<region>:<account>:<resource>}. */
  public String arn(String service, String resource) {
    return prefix + service + ":" + region + ":" + ACCOUNT + ":" + resource;
  }

  /** API Gateway's own ARNs name no account: {@code arn:aws:apigateway:<region>::/restapis/id}. */
  public String accountlessArn(String service, String resource) {
    return prefix + service + ":" + region + "::" + resource;
  }

  /** IAM's ARNs name no region. */
  public String roleArn(String roleName) {
    return prefix + "iam::" + ACCOUNT + ":role/" + roleName;
  }

  public String functionArn(String functionName) {
    return arn("lambda", "function:" + functionName);
  }

  public String tableArn(String tableName) {
    return arn("dynamodb", "table/" + tableName);
  }

  public String streamArn(String tableArn) {
    return tableArn + "/stream/" + STREAM_LABEL;
  }

  public String queueUrl(String queueName) {
    return "https://sqs." + region + ".amazonaws.com/" + ACCOUNT + "/" + queueName;
  }

  public String invokeArn(String functionArn) {
    return prefix
        + "apigateway:"
        + region
        + ":lambda:path/2015-03-31/functions/"
        + functionArn
        + "/invocations";
  }

  /** A copy of a desired object, its spec and metadata shared, with this status. */
  public static GenericKubernetesResource withStatus(
      GenericKubernetesResource desired, Map<String, Object> status) {
    GenericKubernetesResource copy = new GenericKubernetesResource();
    copy.setApiVersion(desired.getApiVersion());
    copy.setKind(desired.getKind());
    copy.setMetadata(desired.getMetadata());
    copy.setAdditionalProperty("spec", desired.getAdditionalProperties().get("spec"));
    copy.setAdditionalProperty("status", status);
    return copy;
  }

  /** A True condition of this type, as controllers write them. */
  public static Map<String, Object> trueCondition(String type, String reason, String message) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("type", type);
    c.put("status", "True");
    c.put("reason", reason);
    if (message != null) {
      c.put("message", message);
    }
    c.put("lastTransitionTime", TIME);
    return c;
  }

  /** A stable 10-character id, like those API Gateway assigns. */
  public static String id(String seed) {
    return DeploymentTrigger.hash(seed).substring(0, 10);
  }

  /** A stable UUID, like an event source mapping's. */
  public static String uuid(String seed) {
    String h = DeploymentTrigger.hash(seed);
    return String.join(
        "-",
        h.substring(0, 8),
        h.substring(8, 12),
        h.substring(12, 16),
        h.substring(16, 20),
        h.substring(20, 32));
  }
}
