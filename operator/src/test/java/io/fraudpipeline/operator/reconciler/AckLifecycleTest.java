package io.fraudpipeline.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.api.v1alpha1.Backend;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.FraudPipelineStatus;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.ack.AckBackend;
import io.fraudpipeline.operator.ack.kinds.Stage;
import io.fraudpipeline.operator.ack.kinds.Table;
import io.fraudpipeline.operator.backend.StackBackend;
import io.fraudpipeline.operator.crossplane.CrossplaneBackend;
import io.fraudpipeline.operator.stack.ManagedObject;
import io.fraudpipeline.testing.cluster.Eventually;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shared lifecycle with ACK resources and a simulated ACK controller, plus what only ACK does:
 * Terminal and Recoverable conditions, settings reported as unsupported. The cluster has both
 * backends' CRDs, as one running pipelines of both would.
 */
class AckLifecycleTest extends BackendLifecycleTest {

  @Override
  StackBackend backend() {
    return AckBackend.INSTANCE;
  }

  @Override
  void installCrds() {
    cluster.installCrds(AckBackend.INSTANCE);
    cluster.installCrds(CrossplaneBackend.INSTANCE);
  }

  @Override
  FraudPipeline pipeline() {
    FraudPipeline p = Fixtures.pipeline("seed");
    p.getSpec().setBackend(Backend.ACK);
    return p;
  }

  @Override
  int total() {
    return 30;
  }

  @Test
  void throttlingIsReportedAsUnsupportedInStatusAndAnEvent() {
    FraudPipeline ready = provisionUntilReady(cluster.create(pipeline()), backend());

    assertThat(ready.getStatus().getUnsupported())
        .anySatisfy(
            u -> {
              assertThat(u.getField()).isEqualTo("spec.api.throttling");
              assertThat(u.getReason()).contains("rate 1000.0/s, burst 2000");
            });
    assertThat(cluster.client.v1().events().inNamespace(NS).list().getItems())
        .anyMatch(
            e ->
                e.getReason().equals("UnsupportedSettings")
                    && e.getMessage().startsWith("Backend ACK cannot apply: ")
                    && e.getMessage().contains("spec.api.throttling"));
    assertThat(cluster.objects(CrossplaneBackend.INSTANCE, NS)).isEmpty();
  }

  @Test
  void aTerminalObjectStallsThePipelineWithItsMessageUntilItRecovers() {
    FraudPipeline pipeline = provisionUntilReady(cluster.create(pipeline()), backend());

    setConditions(
        cluster.mr(Table.class, NS, "payments-transactions"),
        SimulatedAckController.condition(
            "ACK.Terminal", "True", "ValidationException: One or more parameter values"),
        SimulatedAckController.condition(
            "ACK.ResourceSynced", "False", "resource is in terminal condition"));

    Eventually.await(
        "Stalled", TIMEOUT, () -> isTrue(cluster.get(pipeline).getStatus(), "Stalled"));
    FraudPipelineStatus stalled = cluster.get(pipeline).getStatus();
    assertThat(condition(stalled, "Stalled").orElseThrow().getMessage())
        .isEqualTo(
            "Table payments-transactions: ACK.Terminal: ValidationException: One or more"
                + " parameter values");
    assertThat(condition(stalled, "Stalled").orElseThrow().getReason())
        .isEqualTo("ManagedResourceTerminal");
    assertThat(isTrue(stalled, "Ready")).isFalse();
    assertThat(isTrue(stalled, "Reconciling")).isFalse();
    assertThat(cluster.client.v1().events().inNamespace(NS).list().getItems())
        .anyMatch(
            e ->
                e.getReason().equals("ManagedResourceTerminal")
                    && e.getMessage().contains("payments-transactions"));

    setConditions(
        cluster.mr(Table.class, NS, "payments-transactions"),
        SimulatedAckController.condition("ACK.ResourceSynced", "True", ""));
    Eventually.await(
        "Ready again", TIMEOUT, () -> isTrue(cluster.get(pipeline).getStatus(), "Ready"));
  }

  @Test
  void aRecoverableErrorKeepsThePipelineReconcilingWithTheMessageInPending() {
    FraudPipeline pipeline = provisionUntilReady(cluster.create(pipeline()), backend());

    setConditions(
        cluster.mr(Stage.class, NS, "payments-api-stage"),
        SimulatedAckController.condition(
            "ACK.Recoverable", "True", "AccessDeniedException: not authorized"),
        SimulatedAckController.condition("ACK.ResourceSynced", "Unknown", ""));

    Eventually.await(
        "Reconciling", TIMEOUT, () -> isTrue(cluster.get(pipeline).getStatus(), "Reconciling"));
    FraudPipelineStatus status = cluster.get(pipeline).getStatus();
    assertThat(isTrue(status, "Stalled")).isFalse();
    assertThat(status.getPending())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getName()).isEqualTo("payments-api-stage");
              assertThat(p.getReason())
                  .isEqualTo("ACK.Recoverable: AccessDeniedException: not authorized");
            });
  }

  @Test
  void aChangedBackendIsRefusedAndNothingIsCreatedTwice() {
    FraudPipeline pipeline = provisionUntilReady(cluster.create(pipeline()), backend());

    // the mock API server does not run the CRD's transition rule, as a cluster might not
    edit(pipeline, p -> p.getSpec().setBackend(Backend.CROSSPLANE));

    Eventually.await(
        "Stalled", TIMEOUT, () -> isTrue(cluster.get(pipeline).getStatus(), "Stalled"));
    assertThat(condition(cluster.get(pipeline).getStatus(), "Stalled").orElseThrow().getMessage())
        .startsWith("spec.backend: is Crossplane but this pipeline's ")
        .contains("was made by another backend");
    assertThat(cluster.objects(CrossplaneBackend.INSTANCE, NS)).isEmpty();
    assertThat(cluster.objects(AckBackend.INSTANCE, NS)).hasSize(total());
  }

  private void setConditions(ManagedObject r, Map<?, ?>... conditions) {
    @SuppressWarnings("unchecked")
    Map<String, Object> status =
        new LinkedHashMap<>((Map<String, Object>) r.getAdditionalProperties().get("status"));
    status.put("conditions", List.of(conditions));
    r.setAdditionalProperty("status", status);
    cluster.client.resource(r).updateStatus();
  }
}
