package io.fraudpipeline.operator.crossplane;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.operator.backend.ConditionText;
import java.util.Map;
import java.util.Optional;

/**
 * Crossplane readiness: an MR is Ready when its {@code Ready} condition is True; when not, its own
 * conditions say why ({@code Synced=False} first, as it means the provider cannot act at all).
 */
public final class Readiness {

  private Readiness() {}

  public static boolean isReady(GenericKubernetesResource r) {
    return condition(r, "Ready").map(c -> "True".equals(c.get("status"))).orElse(false);
  }

  /** The provider has seen the latest spec (when it reports observedGeneration at all). */
  public static boolean isUpToDate(GenericKubernetesResource r) {
    Long observed = StatusFields.observedGeneration(r);
    Long generation = r.getMetadata().getGeneration();
    return observed == null || generation == null || observed >= generation;
  }

  /** Why a resource is not Ready, from its own conditions. */
  public static String reason(GenericKubernetesResource r) {
    Optional<Map<String, Object>> synced = condition(r, "Synced");
    if (synced.isPresent() && "False".equals(synced.get().get("status"))) {
      return "Synced=False: " + ConditionText.describe(synced.get());
    }
    return condition(r, "Ready")
        .map(c -> "Ready=" + c.get("status") + ": " + ConditionText.describe(c))
        .orElse("waiting for the provider to report a Ready condition");
  }

  private static Optional<Map<String, Object>> condition(GenericKubernetesResource r, String type) {
    return StatusFields.conditions(r).stream().filter(c -> type.equals(c.get("type"))).findFirst();
  }
}
