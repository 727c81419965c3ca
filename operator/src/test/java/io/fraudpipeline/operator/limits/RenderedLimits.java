package io.fraudpipeline.operator.limits;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.operator.model.AwsLimit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measures a rendered managed resource, in either backend's dialect, against {@link AwsLimit}: what
 * AWS would be sent (tags, environment, names, descriptions, policies), read from the object itself
 * rather than from the model that made it.
 */
final class RenderedLimits {

  /** One amount of one object that a limit applies to. */
  record Measure(AwsLimit limit, String object, long amount) {
    boolean exceeded() {
      return !limit.allows(amount);
    }

    @Override
    public String toString() {
      return object + ": " + limit.what() + " " + amount + " > " + limit.max();
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The AWS name of each kind, and the limit on it; kinds alike in both dialects. */
  private static final Map<String, AwsLimit> NAMED_KINDS =
      Map.ofEntries(
          Map.entry("Table", AwsLimit.DYNAMODB_TABLE_NAME),
          Map.entry("Queue", AwsLimit.SQS_QUEUE_NAME),
          Map.entry("Topic", AwsLimit.SNS_TOPIC_NAME),
          Map.entry("Role", AwsLimit.IAM_ROLE_NAME),
          Map.entry("RolePolicy", AwsLimit.IAM_POLICY_NAME),
          Map.entry("Function", AwsLimit.LAMBDA_FUNCTION_NAME),
          Map.entry("Group", AwsLimit.LOG_GROUP_NAME),
          Map.entry("LogGroup", AwsLimit.LOG_GROUP_NAME),
          Map.entry("MetricAlarm", AwsLimit.ALARM_NAME),
          Map.entry("Stage", AwsLimit.API_STAGE_NAME),
          Map.entry("Rule", AwsLimit.EVENTBRIDGE_RULE_NAME),
          Map.entry("Dashboard", AwsLimit.DASHBOARD_NAME));

  private RenderedLimits() {}

  static List<Measure> measure(GenericKubernetesResource object) {
    List<Measure> measures = new ArrayList<>();
    String id = object.getKind() + " " + object.getMetadata().getName();
    Map<String, Object> body = body(object);
    tags(id, body.get("tags"), measures);
    if (object.getKind().equals("Function")) {
      Object variables = map(body.get("environment")).get("variables");
      if (variables != null) {
        measures.add(new Measure(AwsLimit.LAMBDA_ENVIRONMENT, id, utf8(json(variables))));
      }
    }
    AwsLimit nameLimit = NAMED_KINDS.get(object.getKind());
    String name = awsName(object, body);
    if (nameLimit != null && name != null) {
      measures.add(new Measure(nameLimit, id, name.length()));
    }
    if (body.get("scheduleExpression") instanceof String schedule) {
      measures.add(new Measure(AwsLimit.EVENTBRIDGE_SCHEDULE_EXPRESSION, id, schedule.length()));
    }
    if (body.get("alarmDescription") instanceof String d) {
      measures.add(new Measure(AwsLimit.ALARM_DESCRIPTION, id, d.length()));
    }
    policies(id, object.getKind(), body, measures);
    return measures;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> body(GenericKubernetesResource object) {
    Map<String, Object> spec = map(object.getAdditionalProperties().get("spec"));
    Object forProvider = spec.get("forProvider");
    return forProvider != null ? (Map<String, Object>) forProvider : spec;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /** Crossplane's tags are a map; ACK's a map (SQS) or a list of {key, value}. */
  private static void tags(String id, Object tags, List<Measure> measures) {
    List<String[]> pairs = new ArrayList<>();
    if (tags instanceof Map<?, ?> m) {
      m.forEach((k, v) -> pairs.add(new String[] {(String) k, (String) v}));
    } else if (tags instanceof List<?> l) {
      for (Object o : l) {
        Map<String, Object> t = map(o);
        pairs.add(new String[] {(String) t.get("key"), (String) t.get("value")});
      }
    } else {
      return;
    }
    measures.add(new Measure(AwsLimit.TAGS_PER_RESOURCE, id, pairs.size()));
    for (String[] p : pairs) {
      measures.add(new Measure(AwsLimit.TAG_KEY, id, p[0].length()));
      measures.add(new Measure(AwsLimit.TAG_VALUE, id, p[1].length()));
    }
  }

  private static String awsName(GenericKubernetesResource object, Map<String, Object> body) {
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    if (annotations != null && annotations.containsKey("crossplane.io/external-name")) {
      return annotations.get("crossplane.io/external-name");
    }
    for (String field : List.of("stageName", "tableName", "queueName", "dashboardName", "name")) {
      if (body.get(field) instanceof String s) {
        return s;
      }
    }
    return null;
  }

  /** Crossplane: one RolePolicy per role; ACK: a role's inline policies, counted together. */
  private static void policies(
      String id, String kind, Map<String, Object> body, List<Measure> measures) {
    if (kind.equals("RolePolicy") && body.get("policy") instanceof String doc) {
      measures.add(new Measure(AwsLimit.IAM_ROLE_INLINE_POLICY, id, withoutWhiteSpace(doc)));
    }
    if (kind.equals("Role") && body.get("inlinePolicies") instanceof Map<?, ?> inline) {
      long total = 0;
      for (Map.Entry<?, ?> e : inline.entrySet()) {
        measures.add(new Measure(AwsLimit.IAM_POLICY_NAME, id, ((String) e.getKey()).length()));
        total += withoutWhiteSpace((String) e.getValue());
      }
      measures.add(new Measure(AwsLimit.IAM_ROLE_INLINE_POLICY, id, total));
    }
  }

  private static long withoutWhiteSpace(String s) {
    return s.chars().filter(c -> !Character.isWhitespace(c)).count();
  }

  private static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
