package io.fraudpipeline.operator.reconciler;

import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.OPERATOR_USER;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.PATIENCE;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.PROVIDER_USER;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.awaitReady;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.get;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.mrs;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.pipeline;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fraudpipeline.api.v1alpha1.ConditionReasons;
import io.fraudpipeline.api.v1alpha1.ConditionTypes;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.testing.cluster.ControlPlane;
import io.fraudpipeline.testing.cluster.Eventually;
import io.fraudpipeline.testing.cluster.FaultProxy;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A watch that cannot start when the operator starts (the server failing one kind's list, as it
 * does for a CRD installed a moment before) no longer stops the operator: it starts, says which
 * watch it waits for on {@code /readyz} and in the pipeline's status, writes nothing for that
 * pipeline, and converges once the watch syncs.
 */
class RealServerWatchStartTest {

  private static final String INVOKE_CONFIGS =
      "/apis/lambda.aws.m.upbound.io/v1beta1/functioneventinvokeconfigs";

  private static ControlPlane cluster;
  private static KubernetesClient providerClient;
  private static SimulatedProvider provider;

  @BeforeAll
  static void start() throws Exception {
    cluster = RealServerLifecycleTest.crossplaneServer();
    providerClient =
        new KubernetesClientBuilder()
            .withConfig(cluster.configForUser(PROVIDER_USER, "system:masters"))
            .build();
    provider = new SimulatedProvider(providerClient);
  }

  @AfterAll
  static void stop() throws Exception {
    if (provider != null) {
      provider.close();
    }
    if (providerClient != null) {
      providerClient.close();
    }
  }

  @Test
  void aWatchFailingAtStartHoldsItsPipelinesUntilItSyncsInsteadOfStoppingTheOperator()
      throws Exception {
    String ns = "watch-start";
    RealServerLifecycleTest.namespace(ns);
    try (FaultProxy proxy =
        FaultProxy.start(cluster.configForUser(OPERATOR_USER, "system:masters"))) {
      // every list of one kind fails until healed: its informer cannot start
      proxy.fail(
          "GET",
          INVOKE_CONFIGS
              + "|"
              + INVOKE_CONFIGS.replace("/functioneventinvokeconfigs", "")
              + "/namespaces/"
              + ns
              + "/functioneventinvokeconfigs",
          500,
          1_000_000);
      cluster.client().resource(pipeline(ns, "held")).create();
      long mark = cluster.auditLog().mark();

      try (ProductionOperator operator =
          new ProductionOperator(
              proxy.clientConfig(),
              ProductionOperator.watchingOnly(ns),
              RealServerLifecycleTest.RESYNC)) {
        Eventually.await(
            "the pipeline waits for the watch, naming it",
            PATIENCE,
            () ->
                ready(get(ns, "held"))
                    .filter(c -> ConditionReasons.WATCHES_STARTING.equals(c.getReason()))
                    .filter(c -> c.getMessage().contains("functioneventinvokeconfigs"))
                    .isPresent());
        FraudPipeline waiting = get(ns, "held");
        assertThat(RealServerLifecycleTest.hasCondition(waiting, ConditionTypes.RECONCILING))
            .as("it waits for the operator itself: Reconciling")
            .isTrue();
        assertThat(RealServerLifecycleTest.hasCondition(waiting, ConditionTypes.STALLED))
            .as("nobody has to act")
            .isFalse();
        assertThat(operator.readiness())
            .startsWith("503")
            .contains("functioneventinvokeconfigs.lambda.aws.m.upbound.io");
        assertThat(mrs(ns, "held")).as("nothing written while a kind is unseen").isEmpty();
        assertThat(cluster.auditLog().writesBy(OPERATOR_USER, mark))
            .filteredOn(w -> ns.equals(w.namespace()))
            .as("no write but the pipeline's status, its events and the leader's lease")
            .extracting(w -> w.resource())
            .containsOnly("fraudpipelines", "events", "leases")
            .contains("fraudpipelines");

        proxy.heal();
        // the informer's own retries reach the healed server within their longest backoff (32 s)
        Eventually.await(
            "the watch synced once the server answers",
            PATIENCE.multipliedBy(2),
            () -> readiness(operator).startsWith("200"));
        awaitReady(ns, "held");
      }
    }
  }

  private static String readiness(ProductionOperator operator) {
    try {
      return operator.readiness();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Optional<Condition> ready(FraudPipeline pipeline) {
    return pipeline.getStatus() == null
        ? Optional.empty()
        : pipeline.getStatus().getConditions().stream()
            .filter(c -> c.getType().equals(ConditionTypes.READY))
            .findFirst();
  }
}
