package io.fraudpipeline.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.FraudPipelineStatus;
import io.fraudpipeline.api.v1alpha1.PendingResource;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.testing.cluster.Eventually;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The MR informers ignore ADDED events of MRs no provider has reported on (the operator's own
 * creations). With no provider running and no resync due, the status must still move from "being
 * created" to "waiting for the provider" once the new MRs are in the cache.
 */
class UnobservedResourcesTest {

  @Test
  void createdMrsAreReportedAsWaitingForTheProviderWithoutAnyOtherEvent() {
    try (MockCluster cluster = new MockCluster()) {
      cluster.installProviderCrds(k -> true);
      OperatorHarness harness = new OperatorHarness(cluster, Duration.ofMinutes(10));
      try {
        FraudPipeline pipeline = cluster.create(Fixtures.pipeline("seed"));

        Eventually.await(
            "pending MRs reported as waiting for the provider",
            Duration.ofSeconds(30),
            () -> {
              FraudPipelineStatus status = cluster.get(pipeline).getStatus();
              return status != null
                  && status.getPending().stream()
                      .noneMatch(p -> p.getReason().equals("being created"))
                  && status.getPending().stream()
                      .anyMatch(p -> p.getReason().startsWith("waiting for the provider"));
            });
        assertThat(cluster.mrs(OperatorTestBase.NS)).isNotEmpty();
        assertThat(cluster.get(pipeline).getStatus().getPending())
            .extracting(PendingResource::getReason)
            .doesNotContain("being created");
      } finally {
        harness.close();
      }
    }
  }
}
