package io.fraudpipeline.operator.stack;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the operator's cache keeps of an observed object: never the API server's managedFields, and
 * of the status part that the dialect names, only the fields the model reads (controllers echo the
 * whole spec, policy documents and environments included, in status).
 */
public final class CachedObject {

  private CachedObject() {}

  /**
   * Drops, in place, the managedFields and every field of {@code container.get(key)} not in {@code
   * kept}; returns the object.
   */
  @SuppressWarnings("unchecked")
  public static <R extends GenericKubernetesResource> R pruned(
      R object, Map<String, Object> container, String key, Set<String> kept) {
    if (object.getMetadata() != null) {
      object.getMetadata().setManagedFields(null);
    }
    if (container != null
        && container.get(key) instanceof Map<?, ?> part
        && !kept.containsAll(part.keySet())) {
      Map<String, Object> left = new LinkedHashMap<>();
      ((Map<String, Object>) part)
          .forEach(
              (field, value) -> {
                if (kept.contains(field)) {
                  left.put(field, value);
                }
              });
      container.put(key, left);
    }
    return object;
  }
}
