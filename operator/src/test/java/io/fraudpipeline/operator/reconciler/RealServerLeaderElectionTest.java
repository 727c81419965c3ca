package io.fraudpipeline.operator.reconciler;

import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.PATIENCE;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.PROVIDER_USER;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.awaitReady;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.mrs;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.pipeline;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fraudpipeline.operator.runtime.OperatorRunner;
import io.fraudpipeline.testing.cluster.AuditLog;
import io.fraudpipeline.testing.cluster.ControlPlane;
import io.fraudpipeline.testing.cluster.Eventually;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two operator replicas on a real Lease: one writes; when it stops, the standby takes over. */
class RealServerLeaderElectionTest {

  private static final String NS = "leader";
  private static final String SYSTEM = "fraud-system";

  private static Map<String, String> env(String pod) {
    Map<String, String> env = ProductionOperator.chartEnvironment(SYSTEM, pod);
    env.put("WATCH_NAMESPACES", NS);
    env.put("LEASE_DURATION", "4s");
    return env;
  }

  private static String holder(KubernetesClient client) {
    Lease lease = client.leases().inNamespace(SYSTEM).withName(OperatorRunner.LEASE).get();
    return lease == null ? null : lease.getSpec().getHolderIdentity();
  }

  private static List<AuditLog.Entry> mrWrites(ControlPlane cluster, String user, long mark) {
    return cluster.auditLog().writesBy(user, mark).stream()
        .filter(e -> e.namespace().equals(NS))
        .filter(e -> !e.resource().equals("events") && !e.resource().equals("fraudpipelines"))
        .toList();
  }

  @Test
  void theStandbyTakesOverWhenTheLeaderStops() throws Exception {
    ControlPlane cluster = RealServerLifecycleTest.crossplaneServer();
    RealServerLifecycleTest.namespace(SYSTEM);
    RealServerLifecycleTest.namespace(NS);
    KubernetesClient admin = cluster.client();
    long mark = cluster.auditLog().mark();

    try (KubernetesClient providerClient =
            new KubernetesClientBuilder()
                .withConfig(cluster.configForUser(PROVIDER_USER, "system:masters"))
                .build();
        SimulatedProvider provider = new SimulatedProvider(providerClient);
        ProductionOperator a =
            new ProductionOperator(
                cluster.configForUser("operator-a", "system:masters"),
                env("operator-a"),
                RealServerLifecycleTest.RESYNC)) {
      Eventually.await(
          "operator-a holds the lease", PATIENCE, () -> "operator-a".equals(holder(admin)));
      try (ProductionOperator b =
          new ProductionOperator(
              cluster.configForUser("operator-b", "system:masters"),
              env("operator-b"),
              RealServerLifecycleTest.RESYNC)) {
        admin.resource(pipeline(NS, "first")).create();
        awaitReady(NS, "first");
        assertThat(mrWrites(cluster, "operator-a", mark))
            .as("the leader's writes: a create at least per MR")
            .hasSizeGreaterThanOrEqualTo(mrs(NS, "first").size());
        assertThat(mrWrites(cluster, "operator-b", mark)).as("the standby's writes").isEmpty();
        assertThat(holder(admin)).isEqualTo("operator-a");

        a.close();
        Eventually.await(
            "operator-b takes the lease", PATIENCE, () -> "operator-b".equals(holder(admin)));
        long takeover = cluster.auditLog().mark();
        admin.resource(pipeline(NS, "second")).create();
        awaitReady(NS, "second");
        assertThat(mrWrites(cluster, "operator-b", takeover))
            .as("the new leader's writes")
            .isNotEmpty();
        assertThat(mrWrites(cluster, "operator-a", takeover))
            .as("the stopped leader's writes")
            .isEmpty();
        assertThat(a.leadershipLosses).as("a stop is no lost lease").hasValue(0);
        assertThat(b.leadershipLosses).hasValue(0);
      }
    }
    PipelineFinalizers.removeAll(admin, NS);
    admin.namespaces().withName(NS).delete();
  }
}
