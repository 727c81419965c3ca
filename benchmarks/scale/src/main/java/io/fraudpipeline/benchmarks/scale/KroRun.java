package io.fraudpipeline.benchmarks.scale;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.benchmarks.scale.kro.KroPeer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * kro at one size: kro's controller (user {@value #USER}) with the benchmark's
 * ResourceGraphDefinition, one instance per pipeline created at once by the administrator, the same
 * simulated provider; time until every instance reports every resource ready with the endpoint in
 * its status (kro's state ACTIVE), and kro's writes, CPU and RSS (a Go process: no JVM heap to
 * compare, its RSS is the memory figure). kro's own Ready condition is counted at that moment, not
 * waited for: it stays False while objects change between kro's read and its apply, and with a
 * provider writing statuses that lasted past every timeout here (docs/kro.md).
 */
final class KroRun {

  static final String USER = "kro";

  private KroRun() {}

  /**
   * @param cutOff how long kro is given: at the cut-off it is measured as it stands
   */
  static SystemResult run(List<FraudPipeline> pipelines, Path dir, Duration cutOff)
      throws Exception {
    int n = pipelines.size();
    try (RunCluster rc = RunCluster.start(dir, Pipelines.namespaces(pipelines));
        ReadyWatch mrWatch = ReadyWatch.managedResources(rc.admin());
        KroPeer kro = KroPeer.start(rc.cluster, rc.kubeconfig(USER), dir)) {
      List<GenericKubernetesResource> instances = new ArrayList<>();
      for (FraudPipeline p : pipelines) {
        instances.add(kro.instance(p.getMetadata().getNamespace(), p.getMetadata().getName()));
      }
      GenericKubernetesResource first = instances.get(0);
      try (ReadyWatch watch =
          new ReadyWatch(
              rc.admin(),
              List.of(new ReadyWatch.Kind(first.getApiVersion(), first.getKind())),
              kro::allResourcesReady)) {
        Window.Result w =
            new Window(rc, kro.pid())
                .create(instances, 16, i -> rc.admin().resource(i).create())
                .awaitReadyOrCutOff(watch, mrWatch, n, USER, cutOff);
        long readyCondition =
            rc
                .admin()
                .genericKubernetesResources(first.getApiVersion(), first.getKind())
                .inAnyNamespace()
                .list()
                .getItems()
                .stream()
                .filter(kro::isReady)
                .count();
        return new SystemResult(
            "kro",
            n,
            w.ready(),
            mrWatch.count(),
            w.seconds(),
            w.writes(),
            null,
            null,
            null,
            new ServerUsage(w.controller().cpuSeconds(), ProcStats.rssMb(kro.pid())),
            null,
            null,
            w.apiServer(),
            w.etcd(),
            rc.etcdDbMb(),
            (w.ready() < n
                    ? "cut off after %d min with %d of %d instances' resources all ready; "
                        .formatted(cutOff.toMinutes(), w.ready(), n)
                    : "")
                + "covers "
                + kro.coverage()
                + "; time to every resource ready (state ACTIVE, endpoint in status), when "
                + readyCondition
                + " of "
                + n
                + " instances had kro's Ready condition True; "
                + w.writes().statusWrites()
                + " status writes, "
                + w.writes().rejected()
                + " rejected writes");
      }
    }
  }
}
