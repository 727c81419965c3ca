package io.fraudpipeline.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A lease lost while running ends the process; one lost because the operator stops does not. That a
 * stop waits for the reconcile in flight runs on the real server (RealServerShutdownTest).
 */
class GracefulShutdownTest {

  @Test
  void aLeaseLostWhileRunningExitsButNotOnceStopping() throws Exception {
    CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    GracefulShutdown running = new GracefulShutdown(exitCode::complete);
    running.lostLeadership();
    assertThat(exitCode.get(10, TimeUnit.SECONDS)).isEqualTo(1);

    CompletableFuture<Integer> noExit = new CompletableFuture<>();
    GracefulShutdown stopping = new GracefulShutdown(noExit::complete);
    // an operator never started: stopping it only has to mark the shutdown as begun
    try (KubernetesClient unused = new KubernetesClientBuilder().build()) {
      stopping.stop(new Operator(o -> o.withKubernetesClient(unused)));
    }
    stopping.lostLeadership();
    assertThat(noExit).isNotDone();
  }
}
