package io.fraudpipeline.operator.reconciler;

import io.javaoperatorsdk.operator.Operator;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** The operator as deployed, but against the mock cluster: SSA off, short resync for tests. */
final class OperatorHarness implements AutoCloseable {

  final FraudPipelineReconciler reconciler;
  final Operator operator;

  OperatorHarness(MockCluster cluster, Duration resync) {
    OperatorSettings settings =
        OperatorSettings.fromEnvironment(
            Map.of("SERVER_SIDE_APPLY", "false", "LEADER_ELECTION", "false"));
    reconciler = new FraudPipelineReconciler(false, Clock.systemUTC(), Duration.ofMillis(500));
    operator =
        OperatorRunner.create(
            cluster.client, settings, reconciler, c -> c.withReconciliationMaxInterval(resync));
    operator.start();
  }

  @Override
  public void close() {
    operator.stop();
  }
}
