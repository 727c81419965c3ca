package io.fraudpipeline.operator.reconciler;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.operator.backend.Backends;
import io.fraudpipeline.operator.stack.ManagedKind;
import io.fraudpipeline.operator.stack.ManagedObject;
import io.fraudpipeline.operator.stack.ObservedObjects;
import io.fraudpipeline.operator.stack.RenderedStack;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes the cluster hold the rendered stack: creates what is missing, updates what differs, deletes
 * what is no longer wanted; writes nothing when all is as wanted.
 */
final class StackApplier {

  /** What one pass changed. */
  record Changes(int created, int updated, List<String> deleted) {
    boolean any() {
      return created + updated + deleted.size() > 0;
    }
  }

  private final Backends backends;
  private final ManagedResourceWriter writer;

  StackApplier(Backends backends, ManagedResourceWriter writer) {
    this.backends = backends;
    this.writer = writer;
  }

  Changes apply(RenderedStack stack, ObservedObjects observed) {
    int created = 0;
    int updated = 0;
    Set<String> wanted = new HashSet<>();
    for (ManagedObject mr : stack.desired()) {
      ManagedKind kind = backends.find(mr.getApiVersion(), mr.getKind()).orElseThrow();
      wanted.add(key(mr.getKind(), mr.getMetadata().getName()));
      var actual = observed.find(kind, mr.getMetadata().getName());
      if (actual.isEmpty()) {
        writer.create(mr);
        created++;
      } else if (!DesiredStateMatcher.matches(mr, actual.get())) {
        writer.update(mr, actual.get());
        updated++;
      }
    }
    // an MR that waits keeps its current state: a status gone missing must not delete it
    stack.waiting().forEach(w -> wanted.add(key(w.getKind(), w.getName())));
    List<String> deleted = new ArrayList<>();
    for (GenericKubernetesResource actual : observed.all()) {
      if (!wanted.contains(key(actual.getKind(), actual.getMetadata().getName()))) {
        writer.delete(actual);
        deleted.add(actual.getKind() + " " + actual.getMetadata().getName());
      }
    }
    return new Changes(created, updated, deleted);
  }

  private static String key(String kind, String name) {
    return kind + "/" + name;
  }
}
