package io.fraudpipeline.operator.reconciler;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fraudpipeline.operator.model.Subset;
import java.util.List;
import java.util.Objects;

/**
 * Whether an observed MR already holds everything the operator wants in it. "Contains", not
 * "equals": Crossplane late-initializes fields the operator leaves unset and the API server adds
 * defaults, and overwriting them on every pass would fight the provider. Numbers compare by value,
 * since 1000.0 may come back from the API server as 1000.
 */
final class DesiredStateMatcher {

  private DesiredStateMatcher() {}

  static boolean matches(GenericKubernetesResource desired, GenericKubernetesResource actual) {
    return Subset.contains(
            actual.getAdditionalProperties().get("spec"),
            desired.getAdditionalProperties().get("spec"))
        && Subset.contains(actual.getMetadata().getLabels(), desired.getMetadata().getLabels())
        && Subset.contains(
            actual.getMetadata().getAnnotations(), desired.getMetadata().getAnnotations())
        && ownedBy(actual, desired);
  }

  private static boolean ownedBy(HasMetadata actual, HasMetadata desired) {
    List<OwnerReference> wanted = desired.getMetadata().getOwnerReferences();
    if (wanted == null || wanted.isEmpty()) {
      return true;
    }
    List<OwnerReference> present = actual.getMetadata().getOwnerReferences();
    return present != null
        && wanted.stream()
            .allMatch(w -> present.stream().anyMatch(p -> Objects.equals(p.getUid(), w.getUid())));
  }
}
