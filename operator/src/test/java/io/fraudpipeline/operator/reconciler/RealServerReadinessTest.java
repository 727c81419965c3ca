package io.fraudpipeline.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.testing.cluster.ControlPlane;
import io.fraudpipeline.testing.cluster.Eventually;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An operator in a namespace with no pipeline yet, so no object of any kind, is ready: a watch of a
 * kind with nothing in it is as healthy as any (most clusters have no API key, for example).
 */
class RealServerReadinessTest {

  @Test
  void anOperatorWatchingKindsWithNoObjectsIsReady() throws Exception {
    ControlPlane cluster = RealServerLifecycleTest.crossplaneServer();
    RealServerLifecycleTest.namespace("nothing-yet");
    try (ProductionOperator operator =
        new ProductionOperator(
            cluster.configForUser(RealServerBackendLifecycleTest.OPERATOR_USER, "system:masters"),
            ProductionOperator.watchingOnly("nothing-yet"),
            RealServerLifecycleTest.RESYNC)) {
      Eventually.await(
          "/readyz 200",
          Duration.ofSeconds(40),
          () -> readiness(operator).startsWith("200"),
          () -> readiness(operator));
      assertThat(readiness(operator)).isEqualTo("200 ok\n");
    }
  }

  private static String readiness(ProductionOperator operator) {
    try {
      return operator.readiness();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
