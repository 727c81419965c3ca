package io.fraudpipeline.operator.reconciler;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fraudpipeline.operator.model.FieldChange;
import io.fraudpipeline.operator.model.Subset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether an observed MR already holds everything the operator wants in it, and where not. "
 * Contains", not "equals": Crossplane late-initializes fields the operator leaves unset and the API
 * server adds defaults, and overwriting them on every pass would fight the provider. Numbers
 * compare by value, since 1000.0 may come back from the API server as 1000. What is compared is
 * what the operator applies: the spec, its labels and annotations, and its owner.
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

  /**
   * The fields an apply of {@code desired} would change; empty exactly when it {@link #matches}.
   */
  static List<FieldChange> differences(
      GenericKubernetesResource desired, GenericKubernetesResource actual) {
    List<FieldChange> out = new ArrayList<>();
    out.addAll(
        Subset.differences(
            actual.getAdditionalProperties().get("spec"),
            desired.getAdditionalProperties().get("spec"),
            "spec"));
    out.addAll(
        Subset.differences(
            actual.getMetadata().getLabels(),
            desired.getMetadata().getLabels(),
            "metadata.labels"));
    out.addAll(
        Subset.differences(
            actual.getMetadata().getAnnotations(),
            desired.getMetadata().getAnnotations(),
            "metadata.annotations"));
    if (!ownedBy(actual, desired)) {
      out.add(
          new FieldChange(
              "metadata.ownerReferences",
              owners(actual.getMetadata().getOwnerReferences()),
              owners(desired.getMetadata().getOwnerReferences())));
    }
    return out;
  }

  private static List<String> owners(List<OwnerReference> references) {
    return references == null
        ? List.of()
        : references.stream().map(r -> r.getKind() + " " + r.getName() + " " + r.getUid()).toList();
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
