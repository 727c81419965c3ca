package io.fraudpipeline.operator.crossplane;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.operator.stack.CachedObject;
import java.util.Map;
import java.util.Set;

/**
 * What the operator keeps of an observed MR in its cache. Upjet providers echo the whole of {@code
 * spec.forProvider} (policy documents, environments, alarm metrics) in {@code status.atProvider};
 * the operator reads only the few fields other MRs need there (a quarter of the stack's MRs as JSON
 * with the simulated provider; more in a real cluster, whose managedFields repeat the spec's
 * shape).
 */
public final class CachedFields {

  /** The only {@code status.atProvider} fields the model reads. */
  private static final Set<String> AT_PROVIDER_READ =
      Set.copyOf(CrossplaneDialect.AT_PROVIDER.values());

  private CachedFields() {}

  /** Drops, in place, what the operator never reads; returns the same object. */
  @SuppressWarnings("unchecked")
  public static <R extends GenericKubernetesResource> R pruned(R mr) {
    Map<String, Object> status =
        mr.getAdditionalProperties().get("status") instanceof Map<?, ?> s
            ? (Map<String, Object>) s
            : null;
    return CachedObject.pruned(mr, status, "atProvider", AT_PROVIDER_READ);
  }
}
