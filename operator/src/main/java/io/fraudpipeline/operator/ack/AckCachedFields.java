package io.fraudpipeline.operator.ack;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the operator keeps of an observed ACK object in its cache: its spec (compared with the
 * desired one) and the few status fields others copy ({@link AckStatus#READ}); not the API server's
 * managedFields, nor status echoes such as a table's item count or a stage's settings.
 */
final class AckCachedFields {

  private AckCachedFields() {}

  @SuppressWarnings("unchecked")
  static <R extends GenericKubernetesResource> R pruned(R object) {
    if (object.getMetadata() != null) {
      object.getMetadata().setManagedFields(null);
    }
    if (object.getAdditionalProperties().get("status") instanceof Map<?, ?> status
        && !AckStatus.READ.containsAll(status.keySet())) {
      Map<String, Object> kept = new LinkedHashMap<>();
      ((Map<String, Object>) status)
          .forEach(
              (key, value) -> {
                if (AckStatus.READ.contains(key)) {
                  kept.put(key, value);
                }
              });
      object.setAdditionalProperty("status", kept);
    }
    return object;
  }
}
