package io.fraudpipeline.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.api.v1alpha1.Authorization;
import io.fraudpipeline.api.v1alpha1.DeletionPolicy;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.SubscriptionProtocol;
import io.fraudpipeline.api.v1alpha1.SubscriptionSpec;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.crossplane.kinds.ApiKey;
import io.fraudpipeline.operator.crossplane.kinds.Deployment;
import io.fraudpipeline.operator.crossplane.kinds.EventSourceMapping;
import io.fraudpipeline.operator.crossplane.kinds.Function;
import io.fraudpipeline.operator.crossplane.kinds.Method;
import io.fraudpipeline.operator.crossplane.kinds.Queue;
import io.fraudpipeline.operator.crossplane.kinds.Stage;
import io.fraudpipeline.operator.crossplane.kinds.Table;
import io.fraudpipeline.operator.crossplane.kinds.TopicSubscription;
import io.fraudpipeline.operator.crossplane.kinds.UsagePlan;
import io.fraudpipeline.operator.crossplane.kinds.UsagePlanKey;
import io.fraudpipeline.testing.cluster.Eventually;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec edits, hand edits and removals on a Ready pipeline. */
class PipelineChangesTest extends OperatorTestBase {

  private Object forProvider(
      Class<? extends io.fraudpipeline.operator.stack.ManagedObject> type,
      String name,
      String field) {
    var mr = cluster.mr(type, NS, name);
    return mr == null ? null : Fixtures.forProvider(mr).get(field);
  }

  @Test
  void aSpecEditUpdatesTheAffectedResourcesInPlace() {
    FraudPipeline pipeline = provisionUntilReady(cluster.create(Fixtures.pipeline("seed")));
    String functionUid =
        cluster.mr(Function.class, NS, "payments-processor").getMetadata().getUid();

    edit(
        pipeline,
        p -> {
          p.getSpec().getFunctions().getProcessor().setMemoryMb(2048);
          p.getSpec().getStream().setBatchSize(250);
        });

    Eventually.await(
        "memory and batch size applied",
        TIMEOUT,
        () ->
            Integer.valueOf(2048)
                    .equals(forProvider(Function.class, "payments-processor", "memorySize"))
                && Integer.valueOf(250)
                    .equals(
                        forProvider(
                            EventSourceMapping.class, "payments-processor-stream", "batchSize")));
    assertThat(cluster.mr(Function.class, NS, "payments-processor").getMetadata().getUid())
        .as("updated in place, not replaced")
        .isEqualTo(functionUid);
    Eventually.await(
        "status of the new generation",
        TIMEOUT,
        () -> {
          FraudPipeline now = cluster.get(pipeline);
          return now.getStatus().getObservedGeneration().equals(now.getMetadata().getGeneration());
        });
  }

  @Test
  void aHandEditedOrDeletedResourceIsPutBack() {
    provisionUntilReady(cluster.create(Fixtures.pipeline("seed")));

    cluster
        .client
        .resources(Function.class)
        .inNamespace(NS)
        .withName("payments-scorer")
        .edit(
            f -> {
              Fixtures.forProvider(f).put("memorySize", 128);
              return f;
            });
    cluster.client.resources(Queue.class).inNamespace(NS).withName("payments-scorer-dlq").delete();

    Eventually.await(
        "drift repaired",
        TIMEOUT,
        () ->
            Integer.valueOf(1024)
                    .equals(forProvider(Function.class, "payments-scorer", "memorySize"))
                && cluster.mr(Queue.class, NS, "payments-scorer-dlq") != null);
  }

  @Test
  void resourcesNoLongerWantedAreDeleted() {
    FraudPipeline pipeline = cluster.create(Fixtures.pipeline("seed"));
    pipeline.getSpec().getApi().setAuthorization(Authorization.API_KEY);
    pipeline =
        edit(
            pipeline,
            p -> {
              p.getSpec().getApi().setAuthorization(Authorization.API_KEY);
              p.getSpec()
                  .getAlerts()
                  .setSubscriptions(
                      List.of(
                          new SubscriptionSpec(SubscriptionProtocol.EMAIL, "a@example.com"),
                          new SubscriptionSpec(SubscriptionProtocol.EMAIL, "b@example.com")));
            });
    provisionUntilReady(pipeline);
    assertThat(cluster.client.resources(TopicSubscription.class).inNamespace(NS).list().getItems())
        .hasSize(2);
    assertThat(forProvider(Method.class, "payments-api-post-transactions", "apiKeyRequired"))
        .isEqualTo(true);

    edit(
        pipeline,
        p -> {
          p.getSpec().getApi().setAuthorization(Authorization.AWS_IAM);
          p.getSpec()
              .getAlerts()
              .setSubscriptions(
                  List.of(new SubscriptionSpec(SubscriptionProtocol.EMAIL, "b@example.com")));
        });

    Eventually.await(
        "API_KEY resources and one subscription deleted",
        TIMEOUT,
        () ->
            cluster.mr(UsagePlan.class, NS, "payments-api-usage-plan") == null
                && cluster.mr(ApiKey.class, NS, "payments-api-key") == null
                && cluster.mr(UsagePlanKey.class, NS, "payments-api-usage-plan-key") == null
                && cluster
                        .client
                        .resources(TopicSubscription.class)
                        .inNamespace(NS)
                        .list()
                        .getItems()
                        .size()
                    == 1
                && "AWS_IAM"
                    .equals(
                        forProvider(
                            Method.class, "payments-api-post-transactions", "authorization")));
    provisionUntilReady(pipeline);
    Eventually.await(
        "the old deployment retired",
        TIMEOUT,
        () -> {
          cluster.providerPass(NS);
          return cluster.client.resources(Deployment.class).inNamespace(NS).list().getItems().size()
              == 1;
        });
    String deployment =
        cluster
            .client
            .resources(Deployment.class)
            .inNamespace(NS)
            .list()
            .getItems()
            .get(0)
            .getMetadata()
            .getName();
    assertThat(forProvider(Stage.class, "payments-api-stage", "deploymentIdRef"))
        .isEqualTo(java.util.Map.of("name", deployment));
    assertThat(cluster.client.resources(TopicSubscription.class).inNamespace(NS).list().getItems())
        .singleElement()
        .satisfies(
            s -> assertThat(Fixtures.forProvider(s).get("endpoint")).isEqualTo("b@example.com"));
  }

  @Test
  void retainKeepsTheTablesOutOfDeletionAndDeleteReleasesThem() {
    FraudPipeline pipeline = provisionUntilReady(cluster.create(Fixtures.pipeline("seed")));
    Table retained = cluster.mr(Table.class, NS, "payments-transactions");
    assertThat(Fixtures.spec(retained).get("managementPolicies"))
        .isEqualTo(List.of("Observe", "Create", "Update", "LateInitialize"));
    assertThat(Fixtures.forProvider(retained).get("deletionProtectionEnabled")).isEqualTo(true);

    edit(pipeline, p -> p.getSpec().setDeletionPolicy(DeletionPolicy.DELETE));

    Eventually.await(
        "both tables deletable",
        TIMEOUT,
        () ->
            List.of("payments-transactions", "payments-fraud-scores").stream()
                .map(n -> cluster.mr(Table.class, NS, n))
                .allMatch(
                    t ->
                        List.of("*").equals(Fixtures.spec(t).get("managementPolicies"))
                            && Boolean.FALSE.equals(
                                Fixtures.forProvider(t).get("deletionProtectionEnabled"))));
  }
}
