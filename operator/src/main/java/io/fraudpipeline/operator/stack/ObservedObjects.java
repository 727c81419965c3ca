package io.fraudpipeline.operator.stack;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The managed objects of a pipeline as last observed, with their status, by kind and name. What a
 * status says is for the backend's {@link Dialect} to read.
 */
public final class ObservedObjects {

  private final Map<String, GenericKubernetesResource> byKindAndName = new HashMap<>();

  public ObservedObjects(Collection<? extends GenericKubernetesResource> objects) {
    for (GenericKubernetesResource r : objects) {
      byKindAndName.put(key(r.getKind(), r.getMetadata().getName()), r);
    }
  }

  public static ObservedObjects none() {
    return new ObservedObjects(List.of());
  }

  private static String key(String kind, String name) {
    return kind + "/" + name;
  }

  public Optional<GenericKubernetesResource> find(ManagedKind kind, String name) {
    return Optional.ofNullable(byKindAndName.get(key(kind.kind(), name)));
  }

  public List<GenericKubernetesResource> ofKind(ManagedKind kind) {
    return byKindAndName.values().stream().filter(r -> kind.kind().equals(r.getKind())).toList();
  }

  public Collection<GenericKubernetesResource> all() {
    return byKindAndName.values();
  }
}
