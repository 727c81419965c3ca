package io.fraudpipeline.operator.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.FraudPipelineStatus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every status one pipeline had, as the server's watch delivered them: what a pipeline said on the
 * way, which a read after the fact no longer shows once the controllers are quick.
 */
final class StatusHistory implements AutoCloseable {

  private final List<FraudPipelineStatus> statuses = new CopyOnWriteArrayList<>();
  private final Watch watch;

  private StatusHistory(KubernetesClient client, String namespace, String name) {
    watch =
        client
            .resources(FraudPipeline.class)
            .inNamespace(namespace)
            .withName(name)
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, FraudPipeline pipeline) {
                    if (pipeline.getStatus() != null) {
                      statuses.add(pipeline.getStatus());
                    }
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                });
  }

  /** Starts watching before the pipeline exists, so its first status is seen. */
  static StatusHistory of(KubernetesClient client, String namespace, String name) {
    return new StatusHistory(client, namespace, name);
  }

  List<FraudPipelineStatus> statuses() {
    return List.copyOf(statuses);
  }

  @Override
  public void close() {
    watch.close();
  }
}
