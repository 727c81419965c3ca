package io.fraudpipeline.operator.crossplane;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The managed resources of a pipeline as last observed, with their status: where the model finds
 * the ARNs, URLs and ids one MR needs from another, and whether each is Ready.
 */
public final class ObservedResources {

  private final Map<String, GenericKubernetesResource> byKindAndName = new HashMap<>();

  public ObservedResources(Collection<? extends GenericKubernetesResource> resources) {
    for (GenericKubernetesResource r : resources) {
      byKindAndName.put(key(r.getKind(), r.getMetadata().getName()), r);
    }
  }

  public static ObservedResources none() {
    return new ObservedResources(List.of());
  }

  private static String key(String kind, String name) {
    return kind + "/" + name;
  }

  public Optional<GenericKubernetesResource> find(ManagedKind kind, String name) {
    return Optional.ofNullable(byKindAndName.get(key(kind.kind(), name)));
  }

  /** A field of {@code status.atProvider}, when the provider has reported it. */
  public Optional<String> atProvider(ManagedKind kind, String name, String field) {
    return find(kind, name).map(r -> StatusFields.atProvider(r, field));
  }

  /** The name in a provider-resolved reference of {@code spec.forProvider}, e.g. roleRef. */
  public Optional<String> refName(ManagedKind kind, String name, String refField) {
    return find(kind, name).map(r -> StatusFields.specRefName(r, refField));
  }

  public List<GenericKubernetesResource> ofKind(ManagedKind kind) {
    return byKindAndName.values().stream().filter(r -> kind.kind().equals(r.getKind())).toList();
  }

  public boolean isReady(ManagedKind kind, String name) {
    return find(kind, name).map(Readiness::isReady).orElse(false);
  }

  public Collection<GenericKubernetesResource> all() {
    return byKindAndName.values();
  }
}
