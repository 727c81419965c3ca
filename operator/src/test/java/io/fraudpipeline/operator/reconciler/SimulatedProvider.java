package io.fraudpipeline.operator.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fraudpipeline.operator.crossplane.CrossplaneBackend;
import io.fraudpipeline.operator.crossplane.CrossplaneKinds;
import io.fraudpipeline.operator.stack.ManagedKind;
import io.fraudpipeline.operator.stack.ManagedObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Plays the Crossplane provider for the benchmark: watches every kind and marks each new MR Ready
 * with the ARNs others read, echoing {@code spec.forProvider} in {@code status.atProvider} as Upjet
 * providers do (which is what makes MRs large in a real cluster).
 */
final class SimulatedProvider implements AutoCloseable {

  private final KubernetesClient client;
  private final ExecutorService workers = Executors.newFixedThreadPool(2);
  private final List<SharedIndexInformer<? extends ManagedObject>> informers = new ArrayList<>();

  SimulatedProvider(KubernetesClient client) {
    this.client = client;
    for (ManagedKind kind : CrossplaneKinds.all()) {
      informers.add(ManagedObjectWatch.inform(client, kind.type(), this::markReady, r -> {}));
    }
  }

  @SuppressWarnings("unchecked")
  private void markReady(ManagedObject mr) {
    if (CrossplaneBackend.INSTANCE.isReady(mr)) {
      return;
    }
    workers.execute(
        () -> {
          Map<String, Object> status =
              new LinkedHashMap<>(
                  (Map<String, Object>)
                      CrossplaneBackend.INSTANCE
                          .withAssumedStatus(mr)
                          .getAdditionalProperties()
                          .get("status"));
          Map<String, Object> atProvider =
              new LinkedHashMap<>((Map<String, Object>) status.get("atProvider"));
          Map<String, Object> spec = (Map<String, Object>) mr.getAdditionalProperties().get("spec");
          ((Map<String, Object>) spec.get("forProvider")).forEach(atProvider::putIfAbsent);
          status.put("atProvider", atProvider);
          mr.setAdditionalProperty("status", status);
          try {
            client.resource(mr).updateStatus();
          } catch (KubernetesClientException e) {
            // a newer version exists: its own event comes next
          }
        });
  }

  @Override
  public void close() throws InterruptedException {
    informers.forEach(SharedIndexInformer::close);
    workers.shutdown();
    workers.awaitTermination(10, TimeUnit.SECONDS);
  }
}
