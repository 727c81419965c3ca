package io.fraudpipeline.benchmarks.scale;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The floor at one size: a bare client (user {@value #USER}) creates every MR of every pipeline at
 * once, in their final form, while the same simulated provider readies them; no operator, no
 * FraudPipeline. Time until every MR is Ready, and the client's writes.
 */
final class FloorRun {

  static final String USER = "floor";
  private static final int IN_FLIGHT = 32;

  private FloorRun() {}

  static SystemResult run(List<FraudPipeline> pipelines, Path dir) throws Exception {
    List<GenericKubernetesResource> mrs = new ArrayList<>();
    for (FraudPipeline p : pipelines) {
      mrs.addAll(FloorStack.of(p));
    }
    try (RunCluster rc = RunCluster.start(dir, Pipelines.namespaces(pipelines));
        ReadyWatch watch = ReadyWatch.managedResources(rc.admin());
        KubernetesClient floor =
            new KubernetesClientBuilder()
                .withConfig(
                    new ConfigBuilder(rc.cluster.configForUser(USER, "system:masters"))
                        .withMaxConcurrentRequests(IN_FLIGHT * 2)
                        .withMaxConcurrentRequestsPerHost(IN_FLIGHT)
                        .build())
                .build()) {
      Window.Result w =
          new Window(rc, 0)
              .create(mrs, IN_FLIGHT, mr -> floor.resource(mr).create())
              .awaitReady(watch, watch, mrs.size(), USER);
      return SystemResult.bareClient(
          "floor",
          pipelines.size(),
          watch.count(),
          w.seconds(),
          w.writes(),
          w.apiServer(),
          w.etcd(),
          rc.etcdDbMb());
    }
  }
}
