package io.fraudpipeline.operator.cli;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Unknown fields under {@code metadata}, which kubectl's strict field validation refuses. fabric8's
 * model keeps them in {@code additionalProperties} instead of failing, so they are looked for after
 * reading.
 */
final class StrictMetadata {

  private StrictMetadata() {}

  /**
   * The path of the first unknown field, e.g. {@code metadata.labelz}; empty when there is none.
   */
  static Optional<String> unknownField(ObjectMeta meta) {
    if (meta == null) {
      return Optional.empty();
    }
    Optional<String> found = first("metadata.", meta.getAdditionalProperties());
    found = found.or(() -> inList("metadata.ownerReferences", meta.getOwnerReferences()));
    return found.or(() -> inList("metadata.managedFields", meta.getManagedFields()));
  }

  /**
   * {@code fieldsV1} of a managed-fields entry is free-form, its additionalProperties its content.
   */
  private static Optional<String> inList(String path, List<?> items) {
    if (items == null) {
      return Optional.empty();
    }
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      Map<String, Object> extra =
          item instanceof OwnerReference ref
              ? ref.getAdditionalProperties()
              : ((ManagedFieldsEntry) item).getAdditionalProperties();
      Optional<String> found = first(path + "[" + i + "].", extra);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> first(String prefix, Map<String, Object> extra) {
    return extra == null || extra.isEmpty()
        ? Optional.empty()
        : Optional.of(prefix + extra.keySet().iterator().next());
  }
}
