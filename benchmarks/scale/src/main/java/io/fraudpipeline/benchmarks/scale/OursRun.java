package io.fraudpipeline.benchmarks.scale;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.testing.cluster.AuditLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Ours at one size: the operator process, N FraudPipelines created at once by the administrator,
 * time until every one reports Ready; then three resyncs at steady state, the live heap, and a
 * restart of the operator to steady state.
 */
final class OursRun {

  private OursRun() {}

  static SystemResult run(List<FraudPipeline> pipelines, Options options, Path dir)
      throws Exception {
    int n = pipelines.size();
    List<String> namespaces = new java.util.ArrayList<>(Pipelines.namespaces(pipelines));
    namespaces.add(OperatorProcess.NAMESPACE);
    Path jfr = n == options.jfrSize() ? dir.resolve("operator.jfr") : null;
    try (RunCluster rc = RunCluster.start(dir, namespaces);
        ReadyWatch mrWatch = ReadyWatch.managedResources(rc.admin());
        ReadyWatch watch =
            new ReadyWatch(
                rc.admin(),
                List.of(
                    new ReadyWatch.Kind(
                        HasMetadata.getApiVersion(FraudPipeline.class), FraudPipeline.KIND)),
                OursRun::isReady)) {
      Path kubeconfig = rc.kubeconfig(OperatorProcess.USER);
      AuditLog audit = rc.cluster.auditLog();
      OperatorProcess operator =
          OperatorProcess.start(
              kubeconfig, "operator-0", options.resync(), dir.resolve("operator-0.log"), jfr);
      try {
        double idleHeap = LiveHeap.liveMb(operator.pid());
        Window.Result w =
            new Window(rc, operator.pid())
                .create(pipelines, 16, p -> rc.admin().resource(p).create())
                .awaitReady(watch, mrWatch, n, OperatorProcess.USER);
        int mrsReady = mrWatch.count();
        AuditCounts writes = w.writes();

        long steadyMark = audit.mark();
        Thread.sleep(options.resync().multipliedBy(3).toMillis());
        AuditCounts steady = AuditCounts.of(audit.since(steadyMark), OperatorProcess.USER);
        double heap = LiveHeap.liveMb(operator.pid());
        double rss = ProcStats.rssMb(operator.pid());

        operator.close();
        long restartMark = audit.mark();
        long r0 = System.nanoTime();
        operator =
            OperatorProcess.start(
                kubeconfig, "operator-1", options.resync(), dir.resolve("operator-1.log"), null);
        awaitReconciled(operator, n, Duration.ofMinutes(20));
        double restartSeconds = (System.nanoTime() - r0) / 1e9;
        Thread.sleep(Window.SETTLE.toMillis());
        AuditCounts restartWrites = AuditCounts.of(audit.since(restartMark), OperatorProcess.USER);

        String note =
            ("%d MRs per pipeline; of the writes, %d Events and %d status writes; %d lease"
                    + " writes (leader election) and %d rejected writes not counted")
                .formatted(
                    FloorStack.of(pipelines.get(0)).size(),
                    writes.eventWrites(),
                    writes.statusWrites(),
                    writes.leaseWrites(),
                    writes.rejected());
        return new SystemResult(
            "ours",
            n,
            w.ready(),
            mrsReady,
            w.seconds(),
            writes,
            steady.writes(),
            restartSeconds,
            restartWrites,
            new ServerUsage(w.controller().cpuSeconds(), rss),
            heap,
            idleHeap,
            w.apiServer(),
            w.etcd(),
            rc.etcdDbMb(),
            note);
      } finally {
        operator.close();
        if (jfr != null) {
          JfrSummary.print(jfr, n, System.out);
        }
      }
    }
  }

  /** Waits until a fresh operator has reconciled every pipeline to Ready once. */
  private static void awaitReconciled(OperatorProcess operator, int n, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (operator.readyReconciles() < n) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the restarted operator reconciled "
                + operator.readyReconciles()
                + " of "
                + n
                + " pipelines Ready in "
                + timeout);
      }
      Thread.sleep(250);
    }
  }

  @SuppressWarnings("unchecked")
  static boolean isReady(GenericKubernetesResource pipeline) {
    Object status = pipeline.getAdditionalProperties().get("status");
    if (!(status instanceof Map<?, ?> s) || !(s.get("conditions") instanceof List<?> conditions)) {
      return false;
    }
    for (Object c : conditions) {
      Map<String, Object> condition = (Map<String, Object>) c;
      if ("Ready".equals(condition.get("type")) && "True".equals(condition.get("status"))) {
        return true;
      }
    }
    return false;
  }
}
