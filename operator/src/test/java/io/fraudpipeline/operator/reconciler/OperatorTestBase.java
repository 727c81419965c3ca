package io.fraudpipeline.operator.reconciler;

import io.fabric8.kubernetes.api.model.Condition;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.FraudPipelineStatus;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.crossplane.kinds.Function;
import io.fraudpipeline.testing.cluster.Eventually;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts the operator on a fresh mock cluster with every provider CRD, per test. */
public abstract class OperatorTestBase {

  protected static final Duration TIMEOUT = Duration.ofSeconds(60);
  protected static final String NS = "fraud-dev";

  protected MockCluster cluster;
  protected OperatorHarness harness;

  @BeforeEach
  void start() {
    cluster = new MockCluster();
    installCrds();
    harness = new OperatorHarness(cluster, Duration.ofMillis(300));
  }

  /** Which provider CRDs the cluster has when the operator starts: all of them by default. */
  void installCrds() {
    cluster.installProviderCrds(k -> true);
  }

  @AfterEach
  void stop() {
    harness.close();
    cluster.close();
  }

  static Optional<Condition> condition(FraudPipelineStatus status, String type) {
    return status == null
        ? Optional.empty()
        : status.getConditions().stream().filter(c -> c.getType().equals(type)).findFirst();
  }

  static boolean isTrue(FraudPipelineStatus status, String type) {
    return condition(status, type).map(c -> c.getStatus().equals("True")).orElse(false);
  }

  /** Plays the provider until the pipeline reports Ready. */
  protected FraudPipeline provisionUntilReady(FraudPipeline pipeline) {
    Eventually.await(
        "pipeline Ready",
        TIMEOUT,
        () -> {
          cluster.providerPass(NS);
          return isTrue(cluster.get(pipeline).getStatus(), "Ready");
        },
        () -> String.valueOf(cluster.get(pipeline).getStatus().getConditions()));
    return cluster.get(pipeline);
  }

  /** Waits until the scorer Function MR carries this timeout. */
  void awaitScorerTimeout(int seconds, String why) {
    Eventually.await(
        why,
        TIMEOUT,
        () ->
            Integer.valueOf(seconds)
                .equals(
                    Fixtures.forProvider(cluster.mr(Function.class, NS, "payments-scorer"))
                        .get("timeout")));
  }

  FraudPipeline edit(FraudPipeline pipeline, Consumer<FraudPipeline> change) {
    return cluster
        .client
        .resources(FraudPipeline.class)
        .inNamespace(NS)
        .withName(pipeline.getMetadata().getName())
        .edit(
            p -> {
              change.accept(p);
              return p;
            });
  }
}
