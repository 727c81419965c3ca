package io.fraudpipeline.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.metrics.OperatorMetrics;
import io.fraudpipeline.operator.reconciler.FraudPipelineReconciler;
import io.fraudpipeline.operator.reconciler.OperatorHarness;
import io.fraudpipeline.operator.reconciler.OperatorTestBase;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A stop lets the reconcile in flight finish its writes, and a stop is not a lost lease. */
class GracefulShutdownTest extends OperatorTestBase {

  private final CountDownLatch inFlight = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicBoolean interrupted = new AtomicBoolean();

  @Test
  void stopWaitsForTheReconcileInFlightToFinishItsWrites() throws Exception {
    harness.close();
    harness =
        new OperatorHarness(cluster, Duration.ofMinutes(10), Map.of(), null, this::heldReconciler);
    cluster.create(Fixtures.pipeline("seed"));
    assertThat(inFlight.await(30, TimeUnit.SECONDS)).as("a reconcile started").isTrue();

    CompletableFuture<Void> stop =
        CompletableFuture.runAsync(() -> harness.shutdown.stop(harness.operator));
    Thread.sleep(300); // give a non-graceful stop the chance to cut the reconcile short
    assertThat(stop).as("stop waits for the reconcile").isNotDone();
    release.countDown();
    stop.get(30, TimeUnit.SECONDS);

    assertThat(interrupted).as("the reconcile was not interrupted").isFalse();
    assertThat(cluster.mrs(NS)).as("its writes landed").hasSizeGreaterThanOrEqualTo(10);
    assertThat(harness.leadershipLosses).hasValue(0);
  }

  @Test
  void aLeaseLostWhileRunningExitsButNotOnceStopping() throws Exception {
    CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    GracefulShutdown running = new GracefulShutdown(exitCode::complete);
    running.lostLeadership();
    assertThat(exitCode.get(10, TimeUnit.SECONDS)).isEqualTo(1);

    CompletableFuture<Integer> noExit = new CompletableFuture<>();
    GracefulShutdown stopping = new GracefulShutdown(noExit::complete);
    stopping.stop(harness.operator);
    stopping.lostLeadership();
    assertThat(noExit).isNotDone();
  }

  private FraudPipelineReconciler heldReconciler(
      boolean ssa, Clock clock, Duration recheck, OperatorMetrics metrics) {
    return new FraudPipelineReconciler(InstalledBackends.all(), ssa, clock, recheck, metrics) {
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
