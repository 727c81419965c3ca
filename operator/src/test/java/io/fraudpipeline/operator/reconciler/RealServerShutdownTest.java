package io.fraudpipeline.operator.reconciler;

import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.OPERATOR_USER;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.mrs;
import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.metrics.OperatorMetrics;
import io.fraudpipeline.operator.runtime.InstalledBackends;
import io.fraudpipeline.testing.cluster.ControlPlane;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A stop lets the reconcile in flight finish its writes, and a stop is not a lost lease. */
class RealServerShutdownTest {

  private static final String NS = "shutdown";

  private final CountDownLatch inFlight = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicBoolean interrupted = new AtomicBoolean();

  @Test
  void stopWaitsForTheReconcileInFlightToFinishItsWrites() throws Exception {
    ControlPlane cluster = RealServerLifecycleTest.crossplaneServer();
    RealServerLifecycleTest.namespace(NS);
    ProductionOperator operator =
        new ProductionOperator(
            cluster.configForUser(OPERATOR_USER, "system:masters"),
            ProductionOperator.watchingOnly(NS),
            Duration.ofMinutes(10),
            this::heldReconciler);
    try {
      cluster.client().resource(RealServerLifecycleTest.pipeline(NS, "held")).create();
      assertThat(inFlight.await(30, TimeUnit.SECONDS)).as("a reconcile started").isTrue();

      CompletableFuture<Void> stop =
          CompletableFuture.runAsync(() -> operator.shutdown.stop(operator.operator));
      Thread.sleep(300); // give a non-graceful stop the chance to cut the reconcile short
      assertThat(stop).as("stop waits for the reconcile").isNotDone();
      release.countDown();
      stop.get(30, TimeUnit.SECONDS);

      assertThat(interrupted).as("the reconcile was not interrupted").isFalse();
      assertThat(mrs(NS, "held")).as("its writes landed").hasSizeGreaterThanOrEqualTo(10);
      assertThat(operator.leadershipLosses).hasValue(0);
    } finally {
      release.countDown();
      operator.close();
      PipelineFinalizers.removeAll(cluster.client(), NS);
      cluster.client().namespaces().withName(NS).delete();
    }
  }

  private FraudPipelineReconciler heldReconciler(
      Clock clock, Duration recheck, OperatorMetrics metrics) {
    return new FraudPipelineReconciler(InstalledBackends.all(), clock, recheck, metrics) {
      @Override
      public UpdateControl<FraudPipeline> reconcile(
          FraudPipeline pipeline, Context<FraudPipeline> context) {
        inFlight.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          interrupted.set(true);
          Thread.currentThread().interrupt();
        }
        return super.reconcile(pipeline, context);
      }
    };
  }
}
