package io.fraudpipeline.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.FraudPipelineStatus;
import io.fraudpipeline.operator.backend.StackBackend;
import io.fraudpipeline.operator.model.Ownership;
import io.fraudpipeline.operator.stack.ManagedObject;
import io.fraudpipeline.testing.cluster.Eventually;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle every backend passes, against whatever cluster {@link OperatorTestBase} starts,
 * with a stand-in for the backend's controllers writing statuses as they would: created in
 * dependency order, Ready with the endpoint, nothing written at steady state.
 */
abstract class BackendLifecycleTest extends OperatorTestBase {

  abstract StackBackend backend();

  /** The seed-equivalent pipeline for this backend. */
  abstract FraudPipeline pipeline();

  /** How many objects the seed stack has with this backend. */
  abstract int total();

  @Override
  void installCrds() {
    cluster.installCrds(backend());
  }

  FraudPipeline provisionUntilReady(FraudPipeline pipeline, StackBackend backend) {
    Eventually.await(
        "pipeline Ready",
        TIMEOUT,
        () -> {
          cluster.controllerPass(backend, NS);
          return isTrue(cluster.get(pipeline).getStatus(), "Ready");
        },
        () -> String.valueOf(cluster.get(pipeline).getStatus()));
    return cluster.get(pipeline);
  }

  @Test
  void becomesReadyWithTheApiEndpointAndEveryObjectOwnedByThePipeline() {
    FraudPipeline pipeline = cluster.create(pipeline());

    Eventually.await(
        "a first wave that waits for statuses",
        TIMEOUT,
        () -> {
          FraudPipelineStatus s = cluster.get(pipeline).getStatus();
          return s != null && !s.getPending().isEmpty() && isTrue(s, "Reconciling");
        });

    FraudPipeline ready = provisionUntilReady(pipeline, backend());
    FraudPipelineStatus status = ready.getStatus();
    assertThat(status.getApiEndpoint())
        .matches(
            "https://[0-9a-f]{10}\\.execute-api\\.us-east-1\\.amazonaws\\.com/prod/transactions");
    assertThat(status.getResources().getTotal()).isEqualTo(total());
    assertThat(status.getResources().getReady()).isEqualTo(total());
    assertThat(status.getPending()).isEmpty();
    assertThat(status.getAlertTopicArn())
        .isEqualTo("arn:aws:sns:us-east-1:000000000000:fraud-alerts-dev");
    assertThat(isTrue(status, "Stalled")).isFalse();

    List<ManagedObject> objects = cluster.objects(backend(), NS);
    assertThat(objects).hasSize(total());
    assertThat(objects)
        .allSatisfy(
            r -> {
              assertThat(r.getMetadata().getLabels())
                  .containsEntry(Ownership.PIPELINE_LABEL, "payments");
              assertThat(r.getMetadata().getOwnerReferences())
                  .singleElement()
                  .satisfies(o -> assertThat(o.getUid()).isEqualTo(ready.getMetadata().getUid()));
            });
  }

  @Test
  void anUnchangedReadyPipelineCostsNoWrite() throws InterruptedException {
    FraudPipeline pipeline = provisionUntilReady(cluster.create(pipeline()), backend());
    long passes = harness.reconciler.reconciliations();
    Eventually.await(
        "a settled pass", TIMEOUT, () -> harness.reconciler.reconciliations() > passes + 1);
    pipeline = cluster.get(pipeline);
    cluster.forgetRequests();

    long before = harness.reconciler.reconciliations();
    Eventually.await(
        "three resyncs", TIMEOUT, () -> harness.reconciler.reconciliations() >= before + 3);

    assertThat(cluster.requests())
        .as("requests during three resyncs of a Ready pipeline")
        .noneMatch(
            r ->
                r.startsWith("POST")
                    || r.startsWith("PUT")
                    || r.startsWith("PATCH")
                    || r.startsWith("DELETE"));
    assertThat(cluster.get(pipeline).getMetadata().getResourceVersion())
        .isEqualTo(pipeline.getMetadata().getResourceVersion());
  }
}
