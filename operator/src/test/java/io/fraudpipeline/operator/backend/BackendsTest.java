package io.fraudpipeline.operator.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.api.v1alpha1.Backend;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.ack.AckBackend;
import io.fraudpipeline.operator.crossplane.CrossplaneBackend;
import io.fraudpipeline.operator.model.SuffixClaims;
import io.fraudpipeline.operator.runtime.InstalledBackends;
import io.fraudpipeline.operator.stack.ManagedKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackendsTest {

  @Test
  void aPipelineWithoutBackendIsCrossplaneAndEachValueHasItsBackend() {
    FraudPipeline p = Fixtures.pipeline("seed");
    p.getSpec().setBackend(null);
    assertThat(InstalledBackends.all().of(p)).isSameAs(CrossplaneBackend.INSTANCE);
    assertThat(InstalledBackends.all().of(Backend.ACK)).isSameAs(AckBackend.INSTANCE);
    assertThat(InstalledBackends.all().all())
        .extracting(StackBackend::id)
        .containsExactly(Backend.values());
  }

  @Test
  void everyKindOfEveryBackendHasItsOwnCrdAndIsFoundByApiVersionAndKind() {
    List<ManagedKind> all = InstalledBackends.all().allKinds();
    assertThat(all).extracting(ManagedKind::crdName).doesNotHaveDuplicates();
    for (ManagedKind kind : all) {
      assertThat(InstalledBackends.all().find(kind.apiVersion(), kind.kind())).contains(kind);
    }
    assertThat(InstalledBackends.all().emitting("dynamodb.services.k8s.aws/v1alpha1", "Table"))
        .contains(AckBackend.INSTANCE);
    assertThat(InstalledBackends.all().emitting("dynamodb.aws.m.upbound.io/v1beta1", "Table"))
        .contains(CrossplaneBackend.INSTANCE);
  }

  @Test
  void ackPipelinesShareCredentialsAcrossNamespacesButNeverMatchCrossplaneOnes() {
    FraudPipeline first = ack("fraud-dev", "2026-01-01T00:00:00Z");
    FraudPipeline second = ack("fraud-prod", "2026-01-02T00:00:00Z");
    FraudPipeline crossplane = Fixtures.pipeline("seed");
    crossplane.getMetadata().setNamespace("fraud-qa");
    crossplane.getMetadata().setCreationTimestamp("2025-01-01T00:00:00Z");
    var all = List.of(first, second, crossplane);

    assertThat(SuffixClaims.heldBefore(second, all, BackendsTest::identity)).contains(first);
    assertThat(SuffixClaims.heldBefore(first, all, BackendsTest::identity))
        .as("the older Crossplane pipeline has other credentials")
        .isEmpty();
  }

  private static java.util.Optional<String> identity(FraudPipeline p) {
    return InstalledBackends.all().of(p).credentialsIdentity(p);
  }

  private static FraudPipeline ack(String namespace, String created) {
    FraudPipeline p = Fixtures.pipeline("seed");
    p.getSpec().setBackend(Backend.ACK);
    p.getMetadata().setNamespace(namespace);
    p.getMetadata().setCreationTimestamp(created);
    return p;
  }
}
