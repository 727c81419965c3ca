package io.fraudpipeline.operator.stack;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code status.conditions} of a managed object, which both backends' controllers report in the
 * Kubernetes shape, and how one reads in the pipeline's status: "reason: message".
 */
public final class ObjectConditions {

  private ObjectConditions() {}

  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> of(GenericKubernetesResource r) {
    Object value = FieldPath.get(r, "status", "conditions");
    return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
  }

  public static Optional<Map<String, Object>> find(GenericKubernetesResource r, String type) {
    return of(r).stream().filter(c -> type.equals(c.get("type"))).findFirst();
  }

  /** The condition of this type, when its status is this one. */
  public static Optional<Map<String, Object>> withStatus(
      GenericKubernetesResource r, String type, String status) {
    return find(r, type).filter(c -> status.equals(c.get("status")));
  }

  public static boolean isTrue(GenericKubernetesResource r, String type) {
    return withStatus(r, type, "True").isPresent();
  }

  /** {@code Type=Status: reason: message}, as a pending object's reason. */
  public static String stated(Map<String, Object> condition) {
    return condition.get("type") + "=" + condition.get("status") + ": " + describe(condition);
  }

  public static String describe(Map<String, Object> condition) {
    Object message = condition.get("message");
    Object reason = condition.get("reason");
    if (message != null && !message.toString().isBlank()) {
      return reason == null || reason.toString().isBlank()
          ? message.toString()
          : reason + ": " + message;
    }
    return reason == null || reason.toString().isBlank() ? "no reason given" : reason.toString();
  }
}
