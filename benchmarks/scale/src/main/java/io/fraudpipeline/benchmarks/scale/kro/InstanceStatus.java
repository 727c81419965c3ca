package io.fraudpipeline.benchmarks.scale.kro;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;

/** Reads what kro reports on an instance. */
final class InstanceStatus {

  private InstanceStatus() {}

  /**
   * Ready: kro's state ACTIVE (every resource's readyWhen held), its Ready condition True, and the
   * API endpoint the RGD's status expression derives from the Stage.
   */
  static boolean isReady(GenericKubernetesResource instance) {
    if (!(instance.getAdditionalProperties().get("status") instanceof Map<?, ?> status)) {
      return false;
    }
    return "ACTIVE".equals(status.get("state"))
        && readyCondition(status)
        && status.get("apiEndpoint") instanceof String endpoint
        && !endpoint.isBlank();
  }

  /** kro's state ACTIVE (every resource's readyWhen held) and the endpoint in status. */
  static boolean allResourcesReady(GenericKubernetesResource instance) {
    return instance.getAdditionalProperties().get("status") instanceof Map<?, ?> status
        && "ACTIVE".equals(status.get("state"))
        && apiEndpoint(instance) != null;
  }

  static String apiEndpoint(GenericKubernetesResource instance) {
    return instance.getAdditionalProperties().get("status") instanceof Map<?, ?> status
            && status.get("apiEndpoint") instanceof String endpoint
        ? endpoint
        : null;
  }

  private static boolean readyCondition(Map<?, ?> status) {
    if (!(status.get("conditions") instanceof List<?> conditions)) {
      return false;
    }
    return conditions.stream()
        .anyMatch(
            c ->
                c instanceof Map<?, ?> m
                    && "Ready".equals(m.get("type"))
                    && "True".equals(m.get("status")));
  }
}
