package io.fraudpipeline.operator.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fraudpipeline.operator.model.Ownership;
import io.fraudpipeline.operator.stack.ManagedObject;
import java.util.function.Consumer;

/** What a simulated controller watches: the objects of one kind that this operator manages. */
final class ManagedObjectWatch {

  private ManagedObjectWatch() {}

  /** Calls {@code changed} on each add and update, {@code deleted} once the object is gone. */
  static <R extends ManagedObject> SharedIndexInformer<R> inform(
      KubernetesClient client, Class<R> type, Consumer<R> changed, Consumer<R> deleted) {
    return client
        .resources(type)
        .inAnyNamespace()
        .withLabel(Ownership.MANAGED_BY_LABEL, Ownership.MANAGED_BY)
        .inform(
            new ResourceEventHandler<R>() {
              @Override
              public void onAdd(R r) {
                changed.accept(r);
              }

              @Override
              public void onUpdate(R old, R r) {
                changed.accept(r);
              }

              @Override
              public void onDelete(R r, boolean unknownFinalState) {
                deleted.accept(r);
              }
            });
  }
}
