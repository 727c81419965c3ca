package io.fraudpipeline.operator.reconciler;

import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.OPERATOR_USER;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.PATIENCE;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.PROVIDER_USER;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.assertOwnedBy;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.awaitReady;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.get;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.isTrue;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.mrs;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.mrsOfKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fraudpipeline.api.v1alpha1.ConditionTypes;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.FraudPipelineStatus;
import io.fraudpipeline.api.v1alpha1.PendingResource;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.testing.cluster.ControlPlane;
import io.fraudpipeline.testing.cluster.Eventually;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a Crossplane pipeline's status says while the provider has not reported yet, and all it says
 * once Ready. The operator resyncs every ten minutes, as the chart sets it: a pass comes from an
 * event, or from the operator's own look once its new MRs are in the cache.
 */
class RealServerStatusTest {

  private static final String WAITING = "status-waiting";
  private static final String READY = "status-ready";
  private static final String SYSTEM = "status-system";

  private static ControlPlane cluster;
  private static ProductionOperator operator;

  @BeforeAll
  static void start() throws Exception {
    cluster = RealServerLifecycleTest.crossplaneServer();
    // the Lease in a namespace of its own: no wait for one a stopped operator left behind
    RealServerLifecycleTest.namespace(SYSTEM);
    Map<String, String> env = ProductionOperator.chartEnvironment(SYSTEM, "operator-status");
    env.put("WATCH_NAMESPACES", WAITING + "," + READY);
    operator =
        new ProductionOperator(
            cluster.configForUser(OPERATOR_USER, "system:masters"), env, Duration.ofMinutes(10));
  }

  @AfterAll
  static void stop() {
    if (operator != null) {
      operator.close();
    }
    PipelineFinalizers.removeAll(cluster.client(), WAITING);
    cluster.client().namespaces().withName(WAITING).delete();
    PipelineFinalizers.removeAll(cluster.client(), READY);
    cluster.client().namespaces().withName(READY).delete();
  }

  /** The informers drop the ADDED events of the operator's own creates: no event follows them. */
  @Test
  void createdMrsAreSaidToWaitForTheProviderWithoutAnyOtherEvent() {
    FraudPipeline pipeline = RealServerLifecycleTest.pipeline(WAITING, "unobserved");
    cluster.client().resource(pipeline).create();

    Eventually.await(
        "pending MRs reported as waiting for the provider",
        PATIENCE,
        () -> {
          FraudPipelineStatus status = get(WAITING, "unobserved").getStatus();
          return status != null
              && status.getPending().stream().noneMatch(p -> p.getReason().equals("being created"))
              && status.getPending().stream()
                  .anyMatch(p -> p.getReason().startsWith("waiting for the provider"));
        },
        () -> String.valueOf(get(WAITING, "unobserved").getStatus()));
    assertThat(mrs(WAITING, "unobserved")).isNotEmpty();
    assertThat(get(WAITING, "unobserved").getStatus().getPending())
        .extracting(PendingResource::getReason)
        .doesNotContain("being created");
  }

  @Test
  void theFirstWaveSaysWhatTheRestWaitsForThenTheReadyStatusDescribesTheStack() throws Exception {
    FraudPipeline seed = Fixtures.pipeline("seed");
    seed.getMetadata().setNamespace(READY);
    RealServerLifecycleTest.namespace(READY);
    cluster.client().resource(seed).create();

    Eventually.await(
        "the first wave and its status",
        PATIENCE,
        () -> {
          FraudPipelineStatus s = get(READY, "payments").getStatus();
          return s != null && !s.getPending().isEmpty() && mrs(READY, "payments").size() == 24;
        });
    assertThat(mrsOfKind(READY, "payments", "EventSourceMapping"))
        .as("the stream mapping waits for the table's stream ARN")
        .isEmpty();
    FraudPipelineStatus waiting = get(READY, "payments").getStatus();
    assertThat(waiting.getPending())
        .anySatisfy(
            p -> {
              assertThat(p.getKind()).isEqualTo("EventSourceMapping");
              assertThat(p.getReason())
                  .isEqualTo(
                      "waiting for Table payments-transactions streamArn,"
                          + " Alias payments-processor-live arn");
            });
    assertThat(isTrue(waiting, ConditionTypes.RECONCILING)).isTrue();
    assertThat(isTrue(waiting, ConditionTypes.READY)).isFalse();

    FraudPipeline ready;
    try (KubernetesClient providerClient =
            new KubernetesClientBuilder()
                .withConfig(cluster.configForUser(PROVIDER_USER, "system:masters"))
                .build();
        SimulatedProvider provider = new SimulatedProvider(providerClient)) {
      ready = awaitReady(READY, "payments");
    }
    FraudPipelineStatus status = ready.getStatus();
    assertThat(status.getApiEndpoint())
        .matches(
            "https://[0-9a-f]{10}\\.execute-api\\.us-east-1\\.amazonaws\\.com/prod/transactions");
    assertThat(status.getResources().getTotal()).isEqualTo(51);
    assertThat(status.getResources().getReady()).isEqualTo(51);
    assertThat(status.getDashboardUrl())
        .isEqualTo(
            "https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1"
                + "#dashboards/dashboard/fraud-pipeline-dev");
    assertThat(status.getLiveVersions()).isEqualTo(Map.of("processor", "1", "scorer", "1"));
    assertThat(status.getPending()).isEmpty();
    assertThat(status.getObservedGeneration()).isEqualTo(ready.getMetadata().getGeneration());
    assertThat(status.getEnvironmentSuffix()).isEqualTo("dev");
    assertThat(status.getTransactionsTable()).isEqualTo("transactions-dev");
    assertThat(status.getFraudScoresTable()).isEqualTo("fraud_scores-dev");
    assertThat(status.getAlertTopicArn())
        .isEqualTo("arn:aws:sns:us-east-1:000000000000:fraud-alerts-dev");
    assertThat(isTrue(status, ConditionTypes.RECONCILING)).isFalse();
    assertThat(isTrue(status, ConditionTypes.STALLED)).isFalse();
    assertThat(mrs(READY, "payments")).hasSize(51);
    assertOwnedBy(ready, mrs(READY, "payments"));
    assertThat(cluster.client().v1().events().inNamespace(READY).list().getItems())
        .as("Events stored by the server")
        .anyMatch(
            e -> e.getReason().equals("Ready") && e.getMessage().contains(status.getApiEndpoint()));
  }
}
