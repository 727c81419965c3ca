package io.fraudpipeline.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.FraudPipelineStatus;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.crossplane.CrossplaneBackend;
import io.fraudpipeline.operator.crossplane.kinds.Queue;
import io.fraudpipeline.operator.crossplane.kinds.Table;
import io.fraudpipeline.testing.cluster.Eventually;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input and a misbehaving API server. */
class PipelineFailuresTest extends OperatorTestBase {

  @Test
  void anImpossibleSpecStallsWithAPreciseMessageLeavesTheResourcesAloneAndAFixRecovers() {
    FraudPipeline pipeline = provisionUntilReady(cluster.create(Fixtures.pipeline("seed")));
    Map<String, String> versions = cluster.resourceVersions(NS);

    edit(pipeline, p -> p.getSpec().getFunctions().getCode().setImageUri("example.com/fraud:1"));

    Eventually.await(
        "Stalled", TIMEOUT, () -> isTrue(cluster.get(pipeline).getStatus(), "Stalled"));
    FraudPipelineStatus status = cluster.get(pipeline).getStatus();
    assertThat(condition(status, "Stalled").orElseThrow().getMessage())
        .isEqualTo("spec.functions.code: set exactly one of s3 (s3Bucket + s3Key) or imageUri");
    assertThat(condition(status, "Ready").orElseThrow().getStatus()).isEqualTo("False");
    assertThat(condition(status, "Reconciling").orElseThrow().getStatus()).isEqualTo("False");
    assertThat(cluster.resourceVersions(NS)).as("no MR touched").isEqualTo(versions);
    assertThat(cluster.client.v1().events().inNamespace(NS).list().getItems())
        .anyMatch(e -> e.getReason().equals("InvalidSpec") && e.getType().equals("Warning"));

    // fixing the spec recovers: Ready again, Stalled cleared
    FraudPipeline fixed =
        edit(pipeline, p -> p.getSpec().getFunctions().getCode().setImageUri(null));
    Eventually.await(
        "Ready after the fix",
        TIMEOUT,
        () -> {
          FraudPipelineStatus now = cluster.get(pipeline).getStatus();
          return isTrue(now, "Ready")
              && now.getObservedGeneration().equals(fixed.getMetadata().getGeneration());
        });
    assertThat(isTrue(cluster.get(pipeline).getStatus(), "Stalled")).isFalse();
  }

  @Test
  void aSecondPipelineWithTheSameSuffixStallsAndTouchesNothing() {
    FraudPipeline first = provisionUntilReady(cluster.create(Fixtures.pipeline("seed")));
    FraudPipeline copy = Fixtures.pipeline("seed");
    copy.getMetadata().setName("payments-copy");
    FraudPipeline second = cluster.create(copy);

    Eventually.await("Stalled", TIMEOUT, () -> isTrue(cluster.get(second).getStatus(), "Stalled"));
    assertThat(condition(cluster.get(second).getStatus(), "Stalled").orElseThrow().getMessage())
        .startsWith(
            "spec.environmentSuffix: 'dev' is already used by FraudPipeline fraud-dev/payments");
    assertThat(cluster.mrs(NS))
        .allSatisfy(
            mr ->
                assertThat(mr.getMetadata().getLabels())
                    .containsEntry("fraudpipeline.io/pipeline", "payments"));
    assertThat(isTrue(cluster.get(first).getStatus(), "Ready")).isTrue();
  }

  @Test
  void anMrNameTakenByAnObjectOfNoPipelineStallsNamingItAndFreeingTheNameRecovers() {
    FraudPipeline pipeline = Fixtures.pipeline("seed");
    String queueName =
        CrossplaneBackend.INSTANCE.renderAssumingReady(pipeline).desired().stream()
            .filter(mr -> mr.getKind().equals("Queue"))
            .findFirst()
            .orElseThrow()
            .getMetadata()
            .getName();
    Queue foreign = new Queue();
    foreign.setApiVersion("sqs.aws.m.upbound.io/v1beta1");
    foreign.setKind("Queue");
    foreign.setMetadata(
        new ObjectMetaBuilder()
            .withNamespace(NS)
            .withName(queueName)
            .addToLabels("team", "x")
            .build());
    foreign.setAdditionalProperty("spec", Map.of("forProvider", Map.of("region", "eu-west-1")));
    cluster.client.resource(foreign).create();

    FraudPipeline created = cluster.create(pipeline);

    Eventually.await("Stalled", TIMEOUT, () -> isTrue(cluster.get(created).getStatus(), "Stalled"));
    assertThat(condition(cluster.get(created).getStatus(), "Stalled").orElseThrow())
        .satisfies(c -> assertThat(c.getReason()).isEqualTo("ManagedResourceNameTaken"))
        .satisfies(
            c ->
                assertThat(c.getMessage())
                    .startsWith(
                        "Queue " + NS + "/" + queueName + " already exists and is not managed"));
    assertThat(Fixtures.forProvider(cluster.mr(Queue.class, NS, queueName)).get("region"))
        .as("the other object is left alone")
        .isEqualTo("eu-west-1");

    cluster.client.resource(foreign).delete();
    provisionUntilReady(created);
    assertThat(isTrue(cluster.get(created).getStatus(), "Stalled")).isFalse();
  }

  @Test
  void injectedServerErrorsAreRetriedWithoutDuplicates() throws InterruptedException {
    cluster
        .server
        .expect()
        .post()
        .withPath("/apis/sqs.aws.m.upbound.io/v1beta1/namespaces/" + NS + "/queues")
        .andReturn(500, new StatusBuilder().withCode(500).withMessage("injected").build())
        .once();
    cluster
        .server
        .expect()
        .post()
        .withPath("/apis/dynamodb.aws.m.upbound.io/v1beta1/namespaces/" + NS + "/tables")
        .andReturn(409, conflict())
        .once();
    cluster.forgetRequests();

    FraudPipeline pipeline = provisionUntilReady(cluster.create(Fixtures.pipeline("seed")));

    List<String> requests = cluster.requests();
    assertThat(requests.stream().filter(r -> r.startsWith("POST") && r.endsWith("/queues")).count())
        .as("one failed and two successful queue creations")
        .isEqualTo(3);
    assertThat(cluster.client.resources(Queue.class).inNamespace(NS).list().getItems()).hasSize(2);
    assertThat(cluster.client.resources(Table.class).inNamespace(NS).list().getItems()).hasSize(2);
    assertThat(cluster.get(pipeline).getStatus().getResources().getTotal()).isEqualTo(40);

    // a conflicting update (stale resourceVersion) is retried too
    cluster
        .server
        .expect()
        .put()
        .withPath(
            "/apis/lambda.aws.m.upbound.io/v1beta1/namespaces/" + NS + "/functions/payments-scorer")
        .andReturn(409, conflict())
        .once();
    edit(pipeline, p -> p.getSpec().getFunctions().getScorer().setTimeoutSeconds(300));
    awaitScorerTimeout(300, "timeout applied after the conflict");
  }

  private static Status conflict() {
    return new StatusBuilder().withCode(409).withReason("Conflict").withMessage("injected").build();
  }
}
