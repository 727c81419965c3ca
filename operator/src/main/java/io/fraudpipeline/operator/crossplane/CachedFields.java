package io.fraudpipeline.operator.crossplane;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the operator keeps of an observed MR in its cache. Upjet providers echo the whole of {@code
 * spec.forProvider} (policy documents, environments, alarm metrics) in {@code status.atProvider},
 * and the API server adds {@code managedFields}; the operator reads neither beyond the few status
 * fields other MRs need, so its cache drops them (a quarter of the stack's MRs as JSON with the
 * simulated provider; more in a real cluster, whose managedFields repeat the spec's shape).
 */
public final class CachedFields {

  /** The only {@code status.atProvider} fields the model reads ({@link StatusFields}). */
  private static final Set<String> AT_PROVIDER_READ =
      Set.of(
          StatusFields.ARN,
          StatusFields.ID,
          StatusFields.STREAM_ARN,
          StatusFields.INVOKE_ARN,
          StatusFields.EXECUTION_ARN,
          StatusFields.INVOKE_URL,
          StatusFields.VERSION,
          StatusFields.FUNCTION_VERSION);

  private CachedFields() {}

  /** Drops, in place, what the operator never reads; returns the same object. */
  @SuppressWarnings("unchecked")
  public static <R extends GenericKubernetesResource> R pruned(R mr) {
    if (mr.getMetadata() != null) {
      mr.getMetadata().setManagedFields(null);
    }
    if (mr.getAdditionalProperties().get("status") instanceof Map<?, ?> status
        && status.get("atProvider") instanceof Map<?, ?> atProvider
        && !AT_PROVIDER_READ.containsAll(atProvider.keySet())) {
      Map<String, Object> kept = new LinkedHashMap<>();
      ((Map<String, Object>) atProvider)
          .forEach(
              (key, value) -> {
                if (AT_PROVIDER_READ.contains(key)) {
                  kept.put(key, value);
                }
              });
      ((Map<String, Object>) status).put("atProvider", kept);
    }
    return mr;
  }
}
