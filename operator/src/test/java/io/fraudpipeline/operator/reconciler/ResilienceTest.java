package io.fraudpipeline.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.crossplane.CrossplaneKinds;
import io.fraudpipeline.operator.crossplane.kinds.Function;
import io.fraudpipeline.operator.crossplane.kinds.LogGroup;
import io.fraudpipeline.operator.crossplane.kinds.MetricAlarm;
import io.fraudpipeline.operator.stack.ManagedObject;
import io.fraudpipeline.testing.cluster.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The operator against an unreliable API server, a restart, and providers coming and going: it
 * converges to exactly the stack the model wants, one MR of each, without losing a spec change.
 */
class ResilienceTest extends OperatorTestBase {

  private static final String MRS = "/apis/%s/v1beta1/namespaces/" + NS + "/%s";

  @Test
  void faultsDuringCreationAndUpdateConvergeWithOneOfEachAndNoLostChange() throws Exception {
    fail("post", path("dynamodb.aws.m.upbound.io", "tables"), 500, 2);
    tooManyRequests("post", path("sqs.aws.m.upbound.io", "queues"));
    fail("post", path("sns.aws.m.upbound.io", "topics"), 409, 1);
    fail("post", path("iam.aws.m.upbound.io", "roles"), 409, 1);
    fail(
        "put",
        "/apis/fraudpipeline.io/v1alpha1/namespaces/" + NS + "/fraudpipelines/payments/status",
        500,
        3);
    cluster.forgetRequests();

    FraudPipeline pipeline = cluster.create(Fixtures.pipeline("seed"));
    Eventually.await("first MRs", TIMEOUT, () -> cluster.mrs(NS).size() >= 10);
    cluster.providerPass(NS);
    // every informer's watch, the pipelines' too, dropped mid-creation
    assertThat(cluster.dispatcher.dropWatches("watch=true")).isGreaterThan(20);
    provisionUntilReady(pipeline);

    List<String> requests = cluster.requests();
    assertThat(
            requests.stream()
                .filter(r -> r.equals("POST " + path("sqs.aws.m.upbound.io", "queues"))))
        .as("the 429 was retried after Retry-After, and both queues created")
        .hasSize(3);
    assertExactlyTheWantedStack(pipeline);

    // two edits in a row under faults and a dropped watch: both land
    fail("put", path("lambda.aws.m.upbound.io", "functions") + "/payments-scorer", 409, 1);
    fail("put", path("lambda.aws.m.upbound.io", "functions") + "/payments-processor", 500, 2);
    edit(pipeline, p -> p.getSpec().getFunctions().getScorer().setTimeoutSeconds(300));
    cluster.dispatcher.dropWatches("watch=true");
    FraudPipeline edited =
        edit(
            pipeline,
            p -> {
              p.getSpec().getFunctions().getProcessor().setMemoryMb(1024);
              p.getSpec().getFunctions().setLogRetentionDays(30);
            });
    Eventually.await(
        "both edits applied and Ready again",
        TIMEOUT,
        () -> {
          cluster.providerPass(NS);
          FraudPipeline now = cluster.get(pipeline);
          return isTrue(now.getStatus(), "Ready")
              && now.getStatus()
                  .getObservedGeneration()
                  .equals(edited.getMetadata().getGeneration());
        });
    assertThat(forProvider(Function.class, "payments-scorer").get("timeout")).isEqualTo(300);
    assertThat(forProvider(Function.class, "payments-processor").get("memorySize")).isEqualTo(1024);
    assertThat(
            cluster.client.resources(LogGroup.class).inNamespace(NS).list().getItems().stream()
                .map(g -> Fixtures.forProvider(g).get("retentionInDays")))
        .containsOnly(30);
    assertExactlyTheWantedStack(pipeline);
  }

  @Test
  void aRestartMidCreationLeavesNeitherDuplicatesNorOrphans() {
    FraudPipeline pipeline = cluster.create(Fixtures.pipeline("seed"));
    Eventually.await("first MRs", TIMEOUT, () -> cluster.mrs(NS).size() >= 10);
    cluster.providerPass(NS);
    Eventually.await(
        "more MRs after the first statuses", TIMEOUT, () -> cluster.mrs(NS).size() > 20);

    harness.close();
    harness = new OperatorHarness(cluster, Duration.ofMillis(300));

    provisionUntilReady(pipeline);
    assertExactlyTheWantedStack(pipeline);
  }

  @Test
  void providerCrdsRemovedWhileRunningAreReportedThenRecovered() {
    FraudPipeline pipeline = provisionUntilReady(cluster.create(Fixtures.pipeline("seed")));
    Map<String, String> versions = cluster.resourceVersions(NS);

    cluster
        .client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .withName(CrossplaneKinds.METRIC_ALARM.crdName())
        .delete();

    Eventually.await(
        "Stalled on the deleted CRD",
        TIMEOUT,
        () -> isTrue(cluster.get(pipeline).getStatus(), "Stalled"));
    assertThat(condition(cluster.get(pipeline).getStatus(), "Stalled").orElseThrow().getMessage())
        .startsWith(
            "Crossplane provider CRDs not installed: "
                + CrossplaneKinds.METRIC_ALARM.crdName()
                + " (");
    assertThat(isTrue(cluster.get(pipeline).getStatus(), "Ready")).isFalse();
    assertThat(cluster.resourceVersions(NS)).as("no MR touched").isEqualTo(versions);

    cluster.installProviderCrd(CrossplaneKinds.METRIC_ALARM);
    // the provider's reinstall replaced an alarm meanwhile: the operator repairs it
    cluster
        .client
        .resources(MetricAlarm.class)
        .inNamespace(NS)
        .withName("payments-api-5xx")
        .delete();

    FraudPipeline recovered = provisionUntilReady(pipeline);
    assertThat(isTrue(recovered.getStatus(), "Stalled")).isFalse();
    assertExactlyTheWantedStack(pipeline);
  }

  private void assertExactlyTheWantedStack(FraudPipeline pipeline) {
    WantedStack.assertExactly(cluster.get(pipeline), cluster.mrs(NS));
  }

  private Map<String, Object> forProvider(Class<? extends ManagedObject> type, String name) {
    return Fixtures.forProvider(cluster.mr(type, NS, name));
  }

  private static String path(String group, String plural) {
    return String.format(MRS, group, plural);
  }

  private void fail(String verb, String path, int code, int times) {
    Status status =
        new StatusBuilder()
            .withCode(code)
            .withReason(code == 409 ? "Conflict" : "InternalError")
            .withMessage("injected")
            .build();
    var request = cluster.server.expect();
    var withPath =
        verb.equals("post") ? request.post().withPath(path) : request.put().withPath(path);
    withPath.andReturn(code, status).times(times);
  }

  private void tooManyRequests(String verb, String path) {
    cluster
        .server
        .expect()
        .post()
        .withPath(path)
        .andReturn(429, new StatusBuilder().withCode(429).withReason("TooManyRequests").build())
        .withHeader("Retry-After", "1")
        .once();
  }
}
