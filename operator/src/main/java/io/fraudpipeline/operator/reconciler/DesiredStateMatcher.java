package io.fraudpipeline.operator.reconciler;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
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
    return contains(
            actual.getAdditionalProperties().get("spec"),
            desired.getAdditionalProperties().get("spec"))
        && contains(actual.getMetadata().getLabels(), desired.getMetadata().getLabels())
        && contains(actual.getMetadata().getAnnotations(), desired.getMetadata().getAnnotations())
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

  static boolean contains(Object actual, Object desired) {
    if (desired == null) {
      return true;
    }
    if (desired instanceof Map<?, ?> d) {
      if (!(actual instanceof Map<?, ?> a)) {
        return d.isEmpty() && actual == null;
      }
      for (Map.Entry<?, ?> e : d.entrySet()) {
        if (!contains(a.get(e.getKey()), e.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (desired instanceof List<?> d) {
      if (!(actual instanceof List<?> a) || a.size() != d.size()) {
        return false;
      }
      for (int i = 0; i < d.size(); i++) {
        if (!contains(a.get(i), d.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (desired instanceof Number d) {
      return actual instanceof Number a
          && new BigDecimal(d.toString()).compareTo(new BigDecimal(a.toString())) == 0;
    }
    return desired.equals(actual);
  }
}
