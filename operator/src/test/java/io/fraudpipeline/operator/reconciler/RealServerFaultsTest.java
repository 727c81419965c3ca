package io.fraudpipeline.operator.reconciler;

import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.OPERATOR_USER;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.PATIENCE;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.PROVIDER_USER;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.awaitReady;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.edit;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.forProvider;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.get;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.hasCondition;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.mrs;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.mrsOfKind;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.pipeline;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fraudpipeline.api.v1alpha1.ConditionTypes;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.crossplane.CrossplaneKinds;
import io.fraudpipeline.operator.model.Ownership;
import io.fraudpipeline.operator.stack.ManagedObject;
import io.fraudpipeline.testing.cluster.ControlPlane;
import io.fraudpipeline.testing.cluster.Eventually;
import io.fraudpipeline.testing.cluster.FaultProxy;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production path (SSA, the chart's settings) on the real server through a fault-injecting
 * proxy, and with a provider's CRD removed and put back: the operator converges to exactly the
 * stack the model wants, one MR of each, without losing a spec change.
 */
class RealServerFaultsTest {

  private static ControlPlane cluster;
  private static KubernetesClient providerClient;
  private static SimulatedProvider provider;

  @BeforeAll
  static void start() throws Exception {
    cluster = RealServerLifecycleTest.crossplaneServer();
    RealServerLifecycleTest.namespace("fraud-system");
    providerClient =
        new KubernetesClientBuilder()
            .withConfig(cluster.configForUser(PROVIDER_USER, "system:masters"))
            .build();
    provider = new SimulatedProvider(providerClient);
  }

  @AfterAll
  static void stop() throws Exception {
    if (provider != null) {
      provider.close();
    }
    if (providerClient != null) {
      providerClient.close();
    }
  }

  private static ProductionOperator operator(io.fabric8.kubernetes.client.Config config, String ns)
      throws Exception {
    // the Lease in the test's own namespace: no wait for the one a stopped operator left behind
    RealServerLifecycleTest.namespace(ns);
    return new ProductionOperator(
        config, ProductionOperator.watchingOnly(ns), RealServerLifecycleTest.RESYNC);
  }

  private static String mrPath(String ns, String group, String plural) {
    return "/apis/" + group + "/v1beta1/namespaces/" + ns + "/" + plural;
  }

  @Test
  void faultsDuringCreationAndUpdateConvergeWithOneOfEachAndNoLostChange() throws Exception {
    String ns = "faults";
    String name = "faults";
    try (FaultProxy proxy =
            FaultProxy.start(cluster.configForUser(OPERATOR_USER, "system:masters"));
        ProductionOperator operator = operator(proxy.clientConfig(), ns)) {
      proxy.fail("POST", mrPath(ns, "dynamodb.aws.m.upbound.io", "tables"), 500, 2);
      proxy.tooManyRequests("POST", mrPath(ns, "sqs.aws.m.upbound.io", "queues"), 1, 1);
      proxy.fail("POST", mrPath(ns, "sns.aws.m.upbound.io", "topics"), 409, 1);
      proxy.fail("POST", mrPath(ns, "iam.aws.m.upbound.io", "roles"), 409, 1);
      proxy.fail(
          "PATCH",
          "/apis/fraudpipeline.io/v1alpha1/namespaces/"
              + ns
              + "/fraudpipelines/"
              + name
              + "/status",
          500,
          3);
      long mark = cluster.auditLog().mark();

      cluster.client().resource(pipeline(ns, name)).create();
      Eventually.await("first MRs", PATIENCE, () -> mrs(ns, name).size() >= 10);
      // every informer's watch, the pipelines' too, cut mid-creation
      assertThat(proxy.dropWatches()).as("watches cut").isGreaterThan(20);
      awaitReady(ns, name);

      assertThat(proxy.faultsServed()).as("every fault was hit").isTrue();
      assertThat(
              proxy.requests().stream()
                  .filter(r -> r.equals("POST " + mrPath(ns, "sqs.aws.m.upbound.io", "queues"))))
          .as("the 429 was retried after Retry-After, and both queues created")
          .hasSize(3);
      assertExactlyTheWantedStack(ns, name);
      assertEachMrCreatedOnce(ns, mark);

      // two edits in a row under faults and cut watches: both land
      proxy.fail("PATCH", mrPath(ns, "lambda.aws.m.upbound.io", "functions") + "/.*", 409, 1);
      proxy.fail("PATCH", mrPath(ns, "lambda.aws.m.upbound.io", "functions") + "/.*", 500, 2);
      edit(ns, name, p -> p.getSpec().getFunctions().getScorer().setTimeoutSeconds(300));
      proxy.dropWatches();
      FraudPipeline edited =
          edit(
              ns,
              name,
              p -> {
                p.getSpec().getFunctions().getProcessor().setMemoryMb(1024);
                p.getSpec().getFunctions().setLogRetentionDays(30);
              });
      Eventually.await(
          "both edits applied and Ready again",
          PATIENCE,
          () -> {
            FraudPipeline now = get(ns, name);
            return hasCondition(now, ConditionTypes.READY)
                && now.getStatus()
                    .getObservedGeneration()
                    .equals(edited.getMetadata().getGeneration());
          });
      assertThat(proxy.faultsServed()).as("every fault was hit").isTrue();
      assertThat(forProvider(function(ns, name, "scorer")).get("timeout")).isEqualTo(300);
      assertThat(forProvider(function(ns, name, "processor")).get("memorySize")).isEqualTo(1024);
      assertThat(mrsOfKind(ns, name, "Group"))
          .isNotEmpty()
          .allSatisfy(g -> assertThat(forProvider(g).get("retentionInDays")).isEqualTo(30));
      assertExactlyTheWantedStack(ns, name);
      assertEachMrCreatedOnce(ns, mark);
    }
    PipelineFinalizers.removeAll(cluster.client(), ns);
    cluster.client().namespaces().withName(ns).delete();
  }

  @Test
  void aProviderCrdRemovedWhileRunningIsReportedThenRecovered() throws Exception {
    String ns = "faults-crd";
    String name = "crd";
    String crd = CrossplaneKinds.METRIC_ALARM.crdName();
    try (ProductionOperator operator =
        operator(cluster.configForUser(OPERATOR_USER, "system:masters"), ns)) {
      cluster.client().resource(pipeline(ns, name)).create();
      awaitReady(ns, name);
      Map<String, String> versions = resourceVersionsBut(ns, name, "MetricAlarm");

      cluster.client().apiextensions().v1().customResourceDefinitions().withName(crd).delete();

      String expected = "Crossplane provider CRDs not installed: " + crd + " (";
      // a create refused while the CRD is terminating (a 403 that is not RBAC's) is retried
      Eventually.await(
          "Stalled on the deleted CRD",
          PATIENCE,
          () ->
              get(ns, name).getStatus().getConditions().stream()
                  .anyMatch(
                      c ->
                          c.getType().equals(ConditionTypes.STALLED)
                              && c.getStatus().equals("True")
                              && c.getMessage().startsWith(expected)),
          () -> String.valueOf(get(ns, name).getStatus().getConditions()));
      assertThat(hasCondition(get(ns, name), ConditionTypes.READY)).isFalse();
      assertThat(resourceVersionsBut(ns, name, "MetricAlarm"))
          .as("no other MR touched")
          .isEqualTo(versions);

      // the server deleted every alarm with their CRD: the running operator creates them again
      RealServerLifecycleTest.installCrds(cluster);
      awaitReady(ns, name);
      assertThat(hasCondition(get(ns, name), ConditionTypes.STALLED)).isFalse();
      assertExactlyTheWantedStack(ns, name);
    } finally {
      RealServerLifecycleTest.installCrds(cluster);
    }
    PipelineFinalizers.removeAll(cluster.client(), ns);
    cluster.client().namespaces().withName(ns).delete();
  }

  private static ManagedObject function(String ns, String name, String role) {
    return mrsOfKind(ns, name, "Function").stream()
        .filter(f -> f.getMetadata().getName().endsWith("-" + role))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + role + " Function in " + ns));
  }

  private static Map<String, String> resourceVersionsBut(String ns, String name, String kind) {
    return CrossplaneKinds.all().stream()
        .filter(k -> !k.kind().equals(kind))
        .flatMap(
            k ->
                cluster
                    .client()
                    .resources(k.type())
                    .inNamespace(ns)
                    .withLabel(Ownership.PIPELINE_LABEL, name)
                    .list()
                    .getItems()
                    .stream())
        .collect(
            Collectors.toMap(
                m -> m.getKind() + "/" + m.getMetadata().getName(),
                m -> m.getMetadata().getResourceVersion()));
  }

  private static void assertExactlyTheWantedStack(String ns, String name) {
    WantedStack.assertExactly(get(ns, name), mrs(ns, name));
  }

  /** The server stored one create per MR: a retried create made no second object. */
  private static void assertEachMrCreatedOnce(String ns, long mark) {
    Map<String, Long> creates =
        cluster.auditLog().writesBy(OPERATOR_USER, mark).stream()
            .filter(e -> e.namespace().equals(ns) && e.verb().equals("create") && e.code() < 300)
            .filter(e -> !e.resource().equals("events"))
            .collect(
                Collectors.groupingBy(e -> e.resource() + "/" + e.name(), Collectors.counting()));
    assertThat(creates).allSatisfy((mr, n) -> assertThat(n).as(mr).isEqualTo(1));
  }
}
