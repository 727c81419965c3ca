package io.fraudpipeline.operator.ack;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.operator.backend.ConditionText;
import java.util.Map;
import java.util.Optional;

/**
 * ACK readiness: an object is Ready when {@code ACK.ResourceSynced} is True and {@code
 * ACK.Terminal} is not. Terminal means the controller waits for a spec change (the pipeline
 * stalls); {@code ACK.Recoverable} is retried by the controller (the pipeline keeps reconciling).
 */
public final class AckReadiness {

  static final String SYNCED = "ACK.ResourceSynced";
  static final String TERMINAL = "ACK.Terminal";
  static final String RECOVERABLE = "ACK.Recoverable";
  static final String REFERENCES_RESOLVED = "ACK.ReferencesResolved";

  private AckReadiness() {}

  public static boolean isReady(GenericKubernetesResource r) {
    return isTrue(r, SYNCED) && !isTrue(r, TERMINAL);
  }

  /** The Terminal condition's message, when it is True. */
  public static Optional<String> terminal(GenericKubernetesResource r) {
    return condition(r, TERMINAL)
        .filter(c -> "True".equals(c.get("status")))
        .map(c -> TERMINAL + ": " + ConditionText.describe(c));
  }

  /** Why the object is not Ready, from its own conditions, the most telling first. */
  public static String reason(GenericKubernetesResource r) {
    for (String type : new String[] {TERMINAL, RECOVERABLE}) {
      Optional<Map<String, Object>> c = condition(r, type);
      if (c.isPresent() && "True".equals(c.get().get("status"))) {
        return type + ": " + ConditionText.describe(c.get());
      }
    }
    Optional<Map<String, Object>> refs = condition(r, REFERENCES_RESOLVED);
    if (refs.isPresent() && !"True".equals(refs.get().get("status"))) {
      return REFERENCES_RESOLVED
          + "="
          + refs.get().get("status")
          + ": "
          + ConditionText.describe(refs.get());
    }
    return condition(r, SYNCED)
        .map(c -> SYNCED + "=" + c.get("status") + ": " + ConditionText.describe(c))
        .orElse("waiting for the ACK controller to report " + SYNCED);
  }

  private static boolean isTrue(GenericKubernetesResource r, String type) {
    return condition(r, type).map(c -> "True".equals(c.get("status"))).orElse(false);
  }

  private static Optional<Map<String, Object>> condition(GenericKubernetesResource r, String type) {
    return AckStatus.conditions(r).stream().filter(c -> type.equals(c.get("type"))).findFirst();
  }
}
