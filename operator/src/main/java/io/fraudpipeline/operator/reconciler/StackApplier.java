package io.fraudpipeline.operator.reconciler;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.operator.backend.StackBackend;
import io.fraudpipeline.operator.stack.ManagedObject;
import io.fraudpipeline.operator.stack.ObservedObjects;
import io.fraudpipeline.operator.stack.RenderedStack;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the cluster hold the rendered stack: carries out its {@link StackPlan}, creating what is
 * missing, updating what differs and deleting what is no longer wanted; writes nothing when all is
 * as wanted.
 */
final class StackApplier {

  /** What one pass changed. */
  record Changes(int created, int updated, List<String> deleted) {
    boolean any() {
      return created + updated + deleted.size() > 0;
    }
  }

  private final ManagedResourceWriter writer;

  StackApplier(ManagedResourceWriter writer) {
    this.writer = writer;
  }

  Changes apply(StackBackend backend, RenderedStack stack, ObservedObjects observed) {
    StackPlan plan = StackPlan.of(backend, stack, observed);
    for (ManagedObject mr : plan.creates()) {
      writer.create(mr);
    }
    for (StackPlan.Update update : plan.updates()) {
      writer.update(update.desired(), update.actual());
    }
    List<String> deleted = new ArrayList<>();
    for (GenericKubernetesResource actual : plan.deletes()) {
      writer.delete(actual);
      deleted.add(actual.getKind() + " " + actual.getMetadata().getName());
    }
    return new Changes(plan.creates().size(), plan.updates().size(), deleted);
  }
}
