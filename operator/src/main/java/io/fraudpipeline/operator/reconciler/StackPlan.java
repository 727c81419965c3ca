package io.fraudpipeline.operator.reconciler;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.api.v1alpha1.PendingResource;
import io.fraudpipeline.operator.backend.StackBackend;
import io.fraudpipeline.operator.model.FieldChange;
import io.fraudpipeline.operator.stack.ManagedKind;
import io.fraudpipeline.operator.stack.ManagedObject;
import io.fraudpipeline.operator.stack.ObservedObjects;
import io.fraudpipeline.operator.stack.RenderedStack;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The writes one pass makes, decided before any is made: create what is missing, apply what differs
 * ({@link DesiredStateMatcher}), delete what is no longer wanted; an object that waits keeps its
 * current state. Pure: the reconciler carries it out ({@link StackApplier}) and {@code diff} prints
 * it, so the two never disagree.
 *
 * @param creates desired objects not observed, in creation order
 * @param updates observed objects that do not hold what is desired
 * @param deletes observed objects neither desired nor waiting
 * @param waiting objects held back until what they need is known, and whether each exists already
 */
public record StackPlan(
    List<ManagedObject> creates,
    List<Update> updates,
    List<GenericKubernetesResource> deletes,
    List<Waiting> waiting) {

  /** An apply of {@code desired} over {@code actual}, and the fields it changes. */
  public record Update(
      ManagedObject desired, GenericKubernetesResource actual, List<FieldChange> changes) {}

  /** An object held back, and whether one of its name exists (and is left as it is). */
  public record Waiting(PendingResource pending, boolean exists) {}

  /** The plan of the rendered stack of {@code backend} over what is observed. */
  public static StackPlan of(StackBackend backend, RenderedStack stack, ObservedObjects observed) {
    List<ManagedObject> creates = new ArrayList<>();
    List<Update> updates = new ArrayList<>();
    Set<String> wanted = new HashSet<>();
    for (ManagedObject mr : stack.desired()) {
      wanted.add(key(mr.getKind(), mr.getMetadata().getName()));
      var actual = observed.find(kindOf(backend, mr), mr.getMetadata().getName());
      if (actual.isEmpty()) {
        creates.add(mr);
      } else if (!DesiredStateMatcher.matches(mr, actual.get())) {
        // the paths are worked out only for an object that differs: most match, every pass
        updates.add(
            new Update(mr, actual.get(), DesiredStateMatcher.differences(mr, actual.get())));
      }
    }
    // an MR that waits keeps its current state: a status gone missing must not delete it
    List<Waiting> waiting = new ArrayList<>();
    for (PendingResource w : stack.waiting()) {
      String key = key(w.getKind(), w.getName());
      wanted.add(key);
      boolean exists =
          observed.all().stream()
              .anyMatch(o -> key.equals(key(o.getKind(), o.getMetadata().getName())));
      waiting.add(new Waiting(w, exists));
    }
    List<GenericKubernetesResource> deletes = new ArrayList<>();
    for (GenericKubernetesResource actual : observed.all()) {
      if (!wanted.contains(key(actual.getKind(), actual.getMetadata().getName()))) {
        deletes.add(actual);
      }
    }
    return new StackPlan(creates, updates, deletes, waiting);
  }

  /** Whether the pass would write anything to the objects. */
  public boolean writes() {
    return !creates.isEmpty() || !updates.isEmpty() || !deletes.isEmpty();
  }

  private static ManagedKind kindOf(StackBackend backend, ManagedObject mr) {
    return backend.kinds().stream()
        .filter(k -> k.is(mr.getApiVersion(), mr.getKind()))
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException(mr.getKind() + " is not a kind of " + backend));
  }

  private static String key(String kind, String name) {
    return kind + "/" + name;
  }
}
