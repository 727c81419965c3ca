package io.fraudpipeline.operator.reconciler;

import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.OPERATOR_USER;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.PATIENCE;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.PROVIDER_USER;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.awaitReady;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.get;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.hasCondition;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.isTrue;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fraudpipeline.api.v1alpha1.Backend;
import io.fraudpipeline.api.v1alpha1.ConditionTypes;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.ack.AckKinds;
import io.fraudpipeline.operator.crossplane.CrossplaneKinds;
import io.fraudpipeline.operator.stack.ManagedKind;
import io.fraudpipeline.testing.cluster.AuditLog;
import io.fraudpipeline.testing.cluster.ControlPlane;
import io.fraudpipeline.testing.cluster.Eventually;
import io.fraudpipeline.testing.crd.ProjectPaths;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator starts on a server that lacks some CRDs a pipeline needs: the pipeline says which,
 * creates nothing, and becomes Ready once they are installed, with no restart.
 */
class RealServerMissingCrdsTest {

  private static ControlPlane cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = RealServerLifecycleTest.crossplaneServer();
  }

  @Test
  void aPipelineNamesTheMissingProviderCrdsAndRecoversWhenTheyAppear() throws Exception {
    List<ManagedKind> late = List.of(CrossplaneKinds.METRIC_ALARM, CrossplaneKinds.USAGE_PLAN);
    String ns = "missing-provider-crds";
    try {
      deleteCrds(late);
      try (ProductionOperator operator = operatorFor(ns)) {
        long mark = cluster.auditLog().mark();
        FraudPipeline seed = Fixtures.pipeline("seed");
        seed.getMetadata().setNamespace(ns);
        cluster.client().resource(seed).create();

        String message = awaitStalled(ns, "payments");
        assertThat(message)
            .contains("metricalarms.cloudwatch.aws.m.upbound.io")
            .contains("usageplans.apigateway.aws.m.upbound.io")
            .doesNotContain("tables.dynamodb");
        assertThat(creates(ns, mark)).as("MRs created").isEmpty();

        cluster.applyCrds(crdFiles(late, ProjectPaths.providerCrds()));
        try (ControllerClient provider = new ControllerClient(SimulatedProvider::new)) {
          FraudPipeline ready = awaitReady(ns, "payments");
          assertThat(ready.getStatus().getResources().getReady()).isEqualTo(51);
          assertThat(isTrue(ready.getStatus(), ConditionTypes.STALLED)).isFalse();
        }
      }
    } finally {
      RealServerLifecycleTest.installCrds(cluster);
      PipelineFinalizers.removeAll(cluster.client(), ns);
      cluster.client().namespaces().withName(ns).delete();
    }
  }

  @Test
  void anAckPipelineNamesTheMissingAckCrdsAndRecoversWhenTheyAppear() throws Exception {
    String ns = "missing-ack-crds";
    Path ackCrds = ProjectPaths.ackCrds();
    try {
      deleteCrds(AckKinds.all());
      try (ProductionOperator operator = operatorFor(ns)) {
        long mark = cluster.auditLog().mark();
        FraudPipeline seed = Fixtures.pipeline("seed");
        seed.getMetadata().setNamespace(ns);
        seed.getSpec().setBackend(Backend.ACK);
        cluster.client().resource(seed).create();

        assertThat(awaitStalled(ns, "payments"))
            .startsWith("ACK CRDs not installed: tables.dynamodb.services.k8s.aws, ")
            .contains("functions.lambda.services.k8s.aws")
            .contains("see examples/ack")
            .doesNotContain("upbound");
        assertThat(creates(ns, mark)).as("objects created").isEmpty();

        cluster.applyCrds(ControlPlane.yamlFiles(ackCrds));
        try (ControllerClient ack = new ControllerClient(SimulatedAckController::new)) {
          assertThat(awaitReady(ns, "payments").getStatus().getResources().getReady())
              .isEqualTo(37);
        }
      }
    } finally {
      cluster.applyCrds(ControlPlane.yamlFiles(ackCrds));
      PipelineFinalizers.removeAll(cluster.client(), ns);
      cluster.client().namespaces().withName(ns).delete();
    }
  }

  /** The operator as the chart runs it, watching one namespace, its Lease there too. */
  private static ProductionOperator operatorFor(String ns) throws Exception {
    RealServerLifecycleTest.namespace(ns);
    return new ProductionOperator(
        cluster.configForUser(OPERATOR_USER, "system:masters"),
        ProductionOperator.watchingOnly(ns),
        RealServerLifecycleTest.RESYNC);
  }

  private static String awaitStalled(String ns, String name) {
    Eventually.await(
        "Stalled on missing CRDs",
        PATIENCE,
        () -> hasCondition(get(ns, name), ConditionTypes.STALLED),
        () -> String.valueOf(get(ns, name).getStatus()));
    return RealServerLifecycleTest.conditionOf(get(ns, name).getStatus(), ConditionTypes.STALLED)
        .getMessage();
  }

  /** What the operator created in the namespace since the mark, but events and its Lease. */
  private static List<AuditLog.Entry> creates(String ns, long mark) {
    return cluster.auditLog().writesBy(OPERATOR_USER, mark).stream()
        .filter(e -> e.namespace().equals(ns) && e.verb().equals("create"))
        .filter(e -> !e.resource().equals("events") && !e.resource().equals("leases"))
        .toList();
  }

  /** Deletes these kinds' CRDs and waits until the server no longer has them. */
  private static void deleteCrds(List<ManagedKind> kinds) {
    var crds = cluster.client().apiextensions().v1().customResourceDefinitions();
    kinds.forEach(k -> crds.withName(k.crdName()).delete());
    Eventually.await(
        "the CRDs deleted",
        PATIENCE,
        () -> kinds.stream().allMatch(k -> crds.withName(k.crdName()).get() == null));
  }

  private static List<Path> crdFiles(List<ManagedKind> kinds, Path dir) {
    return kinds.stream().map(k -> dir.resolve(k.group() + "_" + k.plural() + ".yaml")).toList();
  }

  /** Simulated controllers on a client of their own, started once their CRDs are served. */
  private static final class ControllerClient implements AutoCloseable {
    private final KubernetesClient client;
    private final AutoCloseable controllers;

    ControllerClient(Function<KubernetesClient, AutoCloseable> start) throws Exception {
      client =
          new KubernetesClientBuilder()
              .withConfig(cluster.configForUser(PROVIDER_USER, "system:masters"))
              .build();
      controllers = start.apply(client);
    }

    @Override
    public void close() throws Exception {
      controllers.close();
      client.close();
    }
  }
}
