package io.fraudpipeline.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.FraudPipelineStatus;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.crossplane.kinds.EventSourceMapping;
import io.fraudpipeline.operator.model.Ownership;
import io.fraudpipeline.operator.stack.ManagedObject;
import io.fraudpipeline.testing.cluster.Eventually;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator against the mock API server, with a test helper playing the Crossplane provider. */
class FraudPipelineReconcilerTest extends OperatorTestBase {

  @Test
  void createsTheStackInDependencyOrderAndBecomesReady() {
    FraudPipeline pipeline = cluster.create(Fixtures.pipeline("seed"));

    Eventually.await(
        "first wave and its status",
        TIMEOUT,
        () -> {
          FraudPipelineStatus s = cluster.get(pipeline).getStatus();
          return s != null
              && s.getPending() != null
              && !s.getPending().isEmpty()
              && cluster.mrs(NS).size() == 20;
        });
    assertThat(cluster.mr(EventSourceMapping.class, NS, "payments-processor-stream"))
        .as("the stream mapping waits for the table's stream ARN")
        .isNull();
    FraudPipelineStatus waiting = cluster.get(pipeline).getStatus();
    assertThat(waiting.getPending())
        .anySatisfy(
            p -> {
              assertThat(p.getKind()).isEqualTo("EventSourceMapping");
              assertThat(p.getReason())
                  .isEqualTo(
                      "waiting for Table payments-transactions streamArn,"
                          + " Alias payments-processor-live arn");
            });
    assertThat(isTrue(waiting, "Reconciling")).isTrue();
    assertThat(isTrue(waiting, "Ready")).isFalse();

    FraudPipeline ready = provisionUntilReady(pipeline);
    FraudPipelineStatus status = ready.getStatus();
    assertThat(status.getApiEndpoint())
        .matches(
            "https://[0-9a-f]{10}\\.execute-api\\.us-east-1\\.amazonaws\\.com/prod/transactions");
    assertThat(status.getResources().getTotal()).isEqualTo(40);
    assertThat(status.getResources().getReady()).isEqualTo(40);
    assertThat(status.getLiveVersions()).isEqualTo(Map.of("processor", "1", "scorer", "1"));
    assertThat(status.getPending()).isEmpty();
    assertThat(status.getObservedGeneration()).isEqualTo(ready.getMetadata().getGeneration());
    assertThat(status.getEnvironmentSuffix()).isEqualTo("dev");
    assertThat(status.getTransactionsTable()).isEqualTo("transactions-dev");
    assertThat(status.getFraudScoresTable()).isEqualTo("fraud_scores-dev");
    assertThat(status.getAlertTopicArn())
        .isEqualTo("arn:aws:sns:us-east-1:000000000000:fraud-alerts-dev");
    assertThat(isTrue(status, "Reconciling")).isFalse();
    assertThat(isTrue(status, "Stalled")).isFalse();

    List<ManagedObject> mrs = cluster.mrs(NS);
    assertThat(mrs).hasSize(40);
    assertThat(mrs)
        .allSatisfy(
            mr -> {
              assertThat(mr.getMetadata().getLabels())
                  .containsEntry(Ownership.MANAGED_BY_LABEL, Ownership.MANAGED_BY)
                  .containsEntry(Ownership.PIPELINE_LABEL, "payments");
              assertThat(mr.getMetadata().getOwnerReferences())
                  .singleElement()
                  .satisfies(
                      o -> {
                        assertThat(o.getUid()).isEqualTo(ready.getMetadata().getUid());
                        assertThat(o.getController()).isTrue();
                      });
            });
    assertThat(cluster.client.v1().events().inNamespace(NS).list().getItems())
        .anyMatch(
            e -> e.getReason().equals("Ready") && e.getMessage().contains(status.getApiEndpoint()));
  }

  @Test
  void anUnchangedReadyPipelineCostsNoWritePerResync() throws InterruptedException {
    FraudPipeline pipeline = provisionUntilReady(cluster.create(Fixtures.pipeline("seed")));
    long passes = harness.reconciler.reconciliations();
    Eventually.await(
        "a settled pass", TIMEOUT, () -> harness.reconciler.reconciliations() > passes);
    cluster.forgetRequests();

    long before = harness.reconciler.reconciliations();
    Eventually.await(
        "three resyncs", TIMEOUT, () -> harness.reconciler.reconciliations() >= before + 3);
    List<String> requests = cluster.requests();

    assertThat(requests)
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
