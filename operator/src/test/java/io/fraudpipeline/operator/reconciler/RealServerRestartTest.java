package io.fraudpipeline.operator.reconciler;

import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.OPERATOR_USER;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.PATIENCE;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.PROVIDER_USER;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.awaitReady;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.get;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.hasCondition;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.mrs;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.pipeline;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fraudpipeline.api.v1alpha1.ConditionTypes;
import io.fraudpipeline.testing.cluster.AuditLog;
import io.fraudpipeline.testing.cluster.ControlPlane;
import io.fraudpipeline.testing.cluster.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** An operator stopped mid-creation and its successor converge with no duplicate write. */
class RealServerRestartTest {

  private static final String NS = "restart";

  @Test
  void aRestartMidCreationConvergesWithNoDuplicateOrExtraWrite() throws Exception {
    ControlPlane cluster = RealServerLifecycleTest.crossplaneServer();
    RealServerLifecycleTest.namespace("fraud-system");
    RealServerLifecycleTest.namespace(NS);
    Map<String, String> env = ProductionOperator.chartEnvironment("fraud-system", "operator-a");
    env.put("WATCH_NAMESPACES", NS);
    long mark = cluster.auditLog().mark();

    // no provider yet: the first operator creates what needs nothing Ready, then waits
    try (ProductionOperator first =
        new ProductionOperator(
            cluster.configForUser(OPERATOR_USER, "system:masters"),
            env,
            RealServerLifecycleTest.RESYNC)) {
      cluster.client().resource(pipeline(NS, "restarted")).create();
      Eventually.await("some MRs created", PATIENCE, () -> mrs(NS, "restarted").size() >= 3);
      RealServerLifecycleTest.sleep(Duration.ofSeconds(2));
    }
    int createdBefore = mrs(NS, "restarted").size();
    assertThat(hasCondition(get(NS, "restarted"), ConditionTypes.READY)).isFalse();

    env.put("HOSTNAME", "operator-b");
    try (KubernetesClient providerClient =
            new KubernetesClientBuilder()
                .withConfig(cluster.configForUser(PROVIDER_USER, "system:masters"))
                .build();
        SimulatedProvider provider = new SimulatedProvider(providerClient);
        ProductionOperator second =
            new ProductionOperator(
                cluster.configForUser(OPERATOR_USER, "system:masters"),
                env,
                RealServerLifecycleTest.RESYNC)) {
      awaitReady(NS, "restarted");
      RealServerLifecycleTest.awaitQuiet(Duration.ofSeconds(3));
    }

    List<AuditLog.Entry> all =
        cluster.auditLog().writesBy(OPERATOR_USER, mark).stream()
            .filter(e -> e.namespace().equals(NS) && e.code() < 300)
            .filter(e -> e.resource().endsWith("s") && !e.resource().equals("events"))
            .filter(e -> !e.resource().equals("fraudpipelines"))
            .toList();
    assertThat(
            all.stream()
                .filter(e -> e.resource().equals("configmaps") && e.verb().equals("create")))
        .as("the outputs ConfigMap created once")
        .hasSize(1);
    List<AuditLog.Entry> writes =
        all.stream().filter(e -> !e.resource().equals("configmaps")).toList();
    Map<String, Long> createsPerMr =
        writes.stream()
            .filter(e -> e.verb().equals("create"))
            .collect(
                Collectors.groupingBy(e -> e.resource() + "/" + e.name(), Collectors.counting()));
    Map<String, Long> patchesPerMr =
        writes.stream()
            .filter(e -> e.verb().equals("patch"))
            .collect(
                Collectors.groupingBy(e -> e.resource() + "/" + e.name(), Collectors.counting()));
    assertThat(createdBefore).isLessThan(mrs(NS, "restarted").size());
    assertThat(createsPerMr)
        .as("each MR created once")
        .hasSize(mrs(NS, "restarted").size())
        .allSatisfy((mr, n) -> assertThat(n).as(mr).isEqualTo(1));
    assertThat(patchesPerMr)
        .as("no MR patched: a new MR is one create, its fields taken over only before an apply")
        .isEmpty();
    assertThat(writes.stream().map(AuditLog.Entry::verb).distinct()).containsOnly("create");
    PipelineFinalizers.removeAll(cluster.client(), NS);
    cluster.client().namespaces().withName(NS).delete();
  }
}
