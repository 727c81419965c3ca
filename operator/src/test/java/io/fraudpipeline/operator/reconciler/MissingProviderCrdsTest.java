package io.fraudpipeline.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.crossplane.CrossplaneKinds;
import io.fraudpipeline.testing.cluster.Eventually;
import org.junit.jupiter.api.Test;

/** A cluster where two provider CRDs are installed only after the operator started. */
class MissingProviderCrdsTest extends OperatorTestBase {

  @Override
  void installCrds() {
    cluster.installProviderCrds(
        k -> k != CrossplaneKinds.METRIC_ALARM && k != CrossplaneKinds.USAGE_PLAN);
  }

  @Test
  void saysWhichCrdsAreMissingAndRecoversWhenTheyAppear() {
    FraudPipeline pipeline = cluster.create(Fixtures.pipeline("seed"));

    Eventually.await(
        "Stalled on missing CRDs",
        TIMEOUT,
        () -> isTrue(cluster.get(pipeline).getStatus(), "Stalled"));
    String message =
        condition(cluster.get(pipeline).getStatus(), "Stalled").orElseThrow().getMessage();
    assertThat(message)
        .contains("metricalarms.cloudwatch.aws.m.upbound.io")
        .contains("usageplans.apigateway.aws.m.upbound.io")
        .doesNotContain("tables.dynamodb");
    assertThat(cluster.mrs(NS)).isEmpty();

    cluster.installProviderCrd(CrossplaneKinds.METRIC_ALARM);
    cluster.installProviderCrd(CrossplaneKinds.USAGE_PLAN);

    FraudPipeline ready = provisionUntilReady(pipeline);
    assertThat(ready.getStatus().getResources().getReady()).isEqualTo(40);
    assertThat(isTrue(ready.getStatus(), "Stalled")).isFalse();
  }
}
