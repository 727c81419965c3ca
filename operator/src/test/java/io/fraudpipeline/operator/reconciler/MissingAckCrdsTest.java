package io.fraudpipeline.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.api.v1alpha1.Backend;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.ack.AckBackend;
import io.fraudpipeline.testing.cluster.Eventually;
import org.junit.jupiter.api.Test;

/** A cluster with Crossplane alone: an ACK pipeline says what to install, then recovers. */
class MissingAckCrdsTest extends OperatorTestBase {

  @Test
  void anAckPipelineNamesTheMissingAckCrdsAndRecoversWhenTheyAppear() {
    FraudPipeline p = Fixtures.pipeline("seed");
    p.getSpec().setBackend(Backend.ACK);
    FraudPipeline pipeline = cluster.create(p);

    Eventually.await(
        "Stalled on missing CRDs",
        TIMEOUT,
        () -> isTrue(cluster.get(pipeline).getStatus(), "Stalled"));
    String message =
        condition(cluster.get(pipeline).getStatus(), "Stalled").orElseThrow().getMessage();
    assertThat(message)
        .startsWith("ACK CRDs not installed: tables.dynamodb.services.k8s.aws, ")
        .contains("functions.lambda.services.k8s.aws")
        .contains("see examples/ack")
        .doesNotContain("upbound");
    assertThat(cluster.objects(AckBackend.INSTANCE, NS)).isEmpty();

    cluster.installCrds(AckBackend.INSTANCE);

    Eventually.await(
        "Ready",
        TIMEOUT,
        () -> {
          cluster.controllerPass(AckBackend.INSTANCE, NS);
          return isTrue(cluster.get(pipeline).getStatus(), "Ready");
        });
    assertThat(cluster.get(pipeline).getStatus().getResources().getReady()).isEqualTo(30);
  }
}
