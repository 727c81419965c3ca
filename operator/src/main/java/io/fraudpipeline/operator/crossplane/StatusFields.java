package io.fraudpipeline.operator.crossplane;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;

/** Reads the parts of a Crossplane MR's status the operator uses. */
final class StatusFields {

  static final String ARN = "arn";
  static final String ID = "id";
  static final String STREAM_ARN = "streamArn";
  static final String INVOKE_ARN = "invokeArn";
  static final String EXECUTION_ARN = "executionArn";
  static final String INVOKE_URL = "invokeUrl";

  /** A Function's latest published version, with {@code publish: true}. */
  static final String VERSION = "version";

  /** The version an Alias serves. */
  static final String FUNCTION_VERSION = "functionVersion";

  private StatusFields() {}

  static String atProvider(GenericKubernetesResource r, String field) {
    Object value = path(r, "status", "atProvider", field);
    return value instanceof String s && !s.isEmpty() ? s : null;
  }

  static Object forProvider(GenericKubernetesResource r) {
    return path(r, "spec", "forProvider");
  }

  /** {@code status.observedGeneration}, which Crossplane v2 MRs report; null when absent. */
  static Long observedGeneration(GenericKubernetesResource r) {
    Object value = path(r, "status", "observedGeneration");
    return value instanceof Number n ? n.longValue() : null;
  }

  static String specRefName(GenericKubernetesResource r, String refField) {
    Object value = path(r, "spec", "forProvider", refField, "name");
    return value instanceof String s ? s : null;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> conditions(GenericKubernetesResource r) {
    Object value = path(r, "status", "conditions");
    return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
  }

  @SuppressWarnings("unchecked")
  private static Object path(GenericKubernetesResource r, String first, String... rest) {
    Object current = r.getAdditionalProperties().get(first);
    for (String key : rest) {
      if (!(current instanceof Map<?, ?> m)) {
        return null;
      }
      current = ((Map<String, Object>) m).get(key);
    }
    return current;
  }
}
