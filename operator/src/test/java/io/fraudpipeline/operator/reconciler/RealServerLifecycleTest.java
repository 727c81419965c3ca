package io.fraudpipeline.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fraudpipeline.api.testing.FraudPipelineCrd;
import io.fraudpipeline.api.testing.ProjectPaths;
import io.fraudpipeline.api.v1alpha1.Authorization;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.SubscriptionProtocol;
import io.fraudpipeline.api.v1alpha1.SubscriptionSpec;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.crossplane.CrossplaneKinds;
import io.fraudpipeline.operator.crossplane.ManagedKind;
import io.fraudpipeline.operator.crossplane.kinds.ManagedResource;
import io.fraudpipeline.operator.model.Ownership;
import io.fraudpipeline.testing.cluster.AuditLog;
import io.fraudpipeline.testing.cluster.ControlPlane;
import io.fraudpipeline.testing.cluster.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator as production runs it (SSA, the chart's settings) on a real kube-apiserver, with a
 * simulated provider that is a separate client of the server and a real garbage collector.
 */
class RealServerLifecycleTest {

  static final String OPERATOR_USER = "fraud-pipeline-operator";
  static final String PROVIDER_USER = "simulated-provider";
  static final Duration RESYNC = Duration.ofSeconds(2);
  static final Duration PATIENCE = Duration.ofSeconds(60);

  static ControlPlane cluster;
  static KubernetesClient admin;
  private static KubernetesClient providerClient;
  private static SimulatedProvider provider;
  private static ProductionOperator operator;

  @BeforeAll
  static void start() throws Exception {
    cluster = ControlPlane.shared();
    admin = cluster.client();
    installCrds(cluster);
    namespace("fraud-system");
    providerClient =
        new KubernetesClientBuilder()
            .withConfig(cluster.configForUser(PROVIDER_USER, "system:masters"))
            .build();
    provider = new SimulatedProvider(providerClient);
    operator =
        new ProductionOperator(
            cluster.configForUser(OPERATOR_USER, "system:masters"),
            ProductionOperator.chartEnvironment("fraud-system", "operator-0"),
            RESYNC);
  }

  @AfterAll
  static void stop() throws Exception {
    for (String ns :
        List.of(
            "life-ready",
            "life-foreign",
            "life-edits",
            "life-repair",
            "life-late",
            "life-delete")) {
      admin.namespaces().withName(ns).delete();
    }
    if (operator != null) {
      operator.close();
    }
    if (provider != null) {
      provider.close();
    }
    if (providerClient != null) {
      providerClient.close();
    }
  }

  static void installCrds(ControlPlane cluster) throws java.io.IOException {
    cluster.applyCrds(ControlPlane.yamlFiles(ProjectPaths.providerCrds()));
    cluster.applyCrdObjects(
        List.of(Serialization.unmarshal(FraudPipelineCrd.yaml(), CustomResourceDefinition.class)));
  }

  static void namespace(String name) {
    admin
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .serverSideApply();
  }

  /** The seed pipeline in its own namespace, with a tag, two subscriptions and an API key. */
  static FraudPipeline pipeline(String namespace, String name) {
    namespace(namespace);
    FraudPipeline p = Fixtures.pipeline("seed");
    p.getMetadata().setNamespace(namespace);
    p.getMetadata().setName(name);
    p.getSpec().setEnvironmentSuffix(name);
    p.getSpec()
        .setTags(new java.util.LinkedHashMap<>(Map.of("team", "payments", "cost-center", "cc-1")));
    p.getSpec()
        .getAlerts()
        .setSubscriptions(
            new ArrayList<>(
                List.of(
                    new SubscriptionSpec(SubscriptionProtocol.EMAIL, "fraud@example.com"),
                    new SubscriptionSpec(
                        SubscriptionProtocol.HTTPS, "https://hooks.example.com/fraud"))));
    p.getSpec().getApi().setAuthorization(Authorization.API_KEY);
    return p;
  }

  static FraudPipeline get(String namespace, String name) {
    return admin.resources(FraudPipeline.class).inNamespace(namespace).withName(name).get();
  }

  static boolean hasCondition(FraudPipeline p, String type) {
    return p != null
        && p.getStatus() != null
        && p.getStatus().getConditions().stream()
            .anyMatch(c -> c.getType().equals(type) && c.getStatus().equals("True"));
  }

  static FraudPipeline awaitReady(String namespace, String name) {
    Eventually.await(
        namespace + "/" + name + " Ready",
        PATIENCE,
        () -> {
          FraudPipeline p = get(namespace, name);
          return hasCondition(p, Conditions.READY)
              && p.getStatus().getObservedGeneration() != null
              && p.getStatus().getObservedGeneration().equals(p.getMetadata().getGeneration());
        },
        () -> String.valueOf(get(namespace, name).getStatus()));
    return get(namespace, name);
  }

  /** Every MR of the pipeline, of every kind. */
  static List<ManagedResource> mrs(String namespace, String name) {
    List<ManagedResource> out = new ArrayList<>();
    for (ManagedKind kind : CrossplaneKinds.all()) {
      out.addAll(
          admin
              .resources(kind.type())
              .inNamespace(namespace)
              .withLabel(Ownership.PIPELINE_LABEL, name)
              .list()
              .getItems());
    }
    return out;
  }

  static List<ManagedResource> mrsOfKind(String namespace, String name, String kind) {
    return mrs(namespace, name).stream().filter(m -> m.getKind().equals(kind)).toList();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> forProvider(GenericKubernetesResource mr) {
    return (Map<String, Object>)
        ((Map<String, Object>) mr.getAdditionalProperties().get("spec")).get("forProvider");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> tags(GenericKubernetesResource mr) {
    return (Map<String, Object>) forProvider(mr).get("tags");
  }

  /**
   * Writes the operator made since the mark, read from the server's audit log, but for the renewals
   * of its leader-election Lease (the leader's heartbeat, every retry period, by design).
   */
  static List<AuditLog.Entry> operatorWrites(long mark) {
    return cluster.auditLog().writesBy(OPERATOR_USER, mark).stream()
        .filter(e -> !e.resource().equals("leases"))
        .toList();
  }

  /** Waits until the operator has written nothing for a while: it is at steady state. */
  static void awaitQuiet(Duration quiet) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      long mark = cluster.auditLog().mark();
      sleep(quiet);
      if (operatorWrites(mark).isEmpty()) {
        return;
      }
    }
    throw new AssertionError("the operator kept writing for " + PATIENCE);
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Test
  void becomesReadyInDependencyOrderThenMakesNoWritesAtSteadyState() {
    long mark = cluster.auditLog().mark();
    admin.resource(pipeline("life-ready", "ready")).create();

    FraudPipeline ready = awaitReady("life-ready", "ready");
    assertThat(ready.getStatus().getApiEndpoint()).startsWith("https://");

    List<String> creates =
        operatorWrites(mark).stream()
            .filter(e -> e.verb().equals("create") && e.namespace().equals("life-ready"))
            .map(AuditLog.Entry::resource)
            .toList();
    assertThat(creates).contains("roles", "functions", "eventsourcemappings", "deployments");
    assertThat(creates.indexOf("roles")).isLessThan(creates.indexOf("functions"));
    assertThat(creates.indexOf("functions")).isLessThan(creates.indexOf("eventsourcemappings"));
    assertThat(creates.indexOf("methods")).isLessThan(creates.indexOf("deployments"));

    awaitQuiet(Duration.ofSeconds(3));
    long steady = cluster.auditLog().mark();
    sleep(RESYNC.multipliedBy(4));
    assertThat(operatorWrites(steady)).as("writes over four resyncs at steady state").isEmpty();
    assertThat(cluster.auditLog().since(steady))
        .as("the operator did resync (it read)")
        .anyMatch(e -> e.user().equals(OPERATOR_USER));
  }

  @Test
  void aForeignObjectOfTheSameNameIsNotTakenOver() {
    FraudPipeline p = pipeline("life-foreign", "foreign");
    // someone else's Queue holding the name of one the pipeline needs
    String queueName =
        io.fraudpipeline.operator.crossplane.AssumedStatuses.renderAssumingReady(p)
            .desired()
            .stream()
            .filter(m -> m.getKind().equals("Queue"))
            .findFirst()
            .orElseThrow()
            .getMetadata()
            .getName();
    GenericKubernetesResource queue =
        new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
            .withApiVersion("sqs.aws.m.upbound.io/v1beta1")
            .withKind("Queue")
            .withNewMetadata()
            .withNamespace("life-foreign")
            .withName(queueName)
            .endMetadata()
            .addToAdditionalProperties("spec", Map.of("forProvider", Map.of("region", "us-east-1")))
            .build();
    admin.resource(queue).create();

    admin.resource(p).create();

    Eventually.await(
        "the pipeline stalls naming the queue",
        PATIENCE,
        () -> {
          FraudPipeline now = get("life-foreign", "foreign");
          return hasCondition(now, Conditions.STALLED)
              && now.getStatus().getConditions().stream()
                  .anyMatch(c -> c.getMessage() != null && c.getMessage().contains(queueName));
        },
        () -> String.valueOf(get("life-foreign", "foreign").getStatus()));
    GenericKubernetesResource after =
        admin
            .genericKubernetesResources("sqs.aws.m.upbound.io/v1beta1", "Queue")
            .inNamespace("life-foreign")
            .withName(queueName)
            .get();
    assertThat(after.getMetadata().getLabels()).as("labels of the foreign queue").isNullOrEmpty();
    assertThat(after.getMetadata().getOwnerReferences()).isNullOrEmpty();
    assertThat(forProvider(after)).containsOnlyKeys("region");
  }

  static ManagedResource first(String namespace, String name, String kind) {
    return mrsOfKind(namespace, name, kind).stream().findFirst().orElseThrow();
  }

  @Test
  void specEditsAndRemovedFieldsReachTheMrs() {
    admin.resource(pipeline("life-edits", "edits")).create();
    awaitReady("life-edits", "edits");
    int alertSubscriptions = mrsOfKind("life-edits", "edits", "TopicSubscription").size();
    assertThat(mrsOfKind("life-edits", "edits", "APIKey")).hasSize(1);

    admin
        .resources(FraudPipeline.class)
        .inNamespace("life-edits")
        .withName("edits")
        .edit(
            p -> {
              p.getSpec().setTags(new java.util.LinkedHashMap<>(Map.of("team", "risk")));
              p.getSpec().getAlerts().getSubscriptions().remove(1);
              p.getSpec().getApi().setAuthorization(Authorization.AWS_IAM);
              return p;
            });

    Eventually.await(
        "tags, subscriptions and the API key follow the spec",
        PATIENCE,
        () -> {
          List<ManagedResource> now = mrs("life-edits", "edits");
          return now.stream()
                  .filter(m -> forProvider(m).containsKey("tags"))
                  .allMatch(
                      m ->
                          "risk".equals(tags(m).get("team")) && !tags(m).containsKey("cost-center"))
              && now.stream().filter(m -> m.getKind().equals("TopicSubscription")).count()
                  == alertSubscriptions - 1
              && now.stream().noneMatch(m -> m.getKind().equals("APIKey"))
              && now.stream().noneMatch(m -> m.getKind().equals("UsagePlanKey"));
        },
        () ->
            mrs("life-edits", "edits").stream()
                .map(m -> m.getKind() + " " + tags(m))
                .toList()
                .toString());
    awaitReady("life-edits", "edits");
  }

  @Test
  void aHandEditedOrDeletedMrIsRepaired() {
    admin.resource(pipeline("life-repair", "repair")).create();
    awaitReady("life-repair", "repair");
    ManagedResource queue = first("life-repair", "repair", "Queue");
    Object retention = forProvider(queue).get("messageRetentionSeconds");
    ManagedResource topic = first("life-repair", "repair", "Topic");

    admin
        .resources(queue.getClass())
        .inNamespace("life-repair")
        .withName(queue.getMetadata().getName())
        .edit(
            q -> {
              forProvider(q).put("messageRetentionSeconds", 60);
              return q;
            });
    admin.resource(topic).withGracePeriod(0).delete();

    Eventually.await(
        "the queue's retention restored and the topic re-created",
        PATIENCE,
        () -> {
          ManagedResource q = first("life-repair", "repair", "Queue");
          List<ManagedResource> topics = mrsOfKind("life-repair", "repair", "Topic");
          return String.valueOf(retention)
                  .equals(String.valueOf(forProvider(q).get("messageRetentionSeconds")))
              && topics.stream()
                  .anyMatch(
                      t ->
                          t.getMetadata().getName().equals(topic.getMetadata().getName())
                              && !t.getMetadata().getUid().equals(topic.getMetadata().getUid()));
        });
  }

  @Test
  void lateInitializedFieldsAreLeftAloneWithoutAWriteLoop() {
    admin.resource(pipeline("life-late", "late")).create();
    awaitReady("life-late", "late");
    ManagedResource queue = first("life-late", "late", "Queue");
    // the provider fills in what AWS defaulted, as Crossplane's late initialization does
    providerClient
        .resources(queue.getClass())
        .inNamespace("life-late")
        .withName(queue.getMetadata().getName())
        .edit(
            q -> {
              forProvider(q).put("visibilityTimeoutSeconds", 30);
              forProvider(q).put("delaySeconds", 0);
              return q;
            });

    awaitQuiet(Duration.ofSeconds(3));
    long mark = cluster.auditLog().mark();
    sleep(RESYNC.multipliedBy(3));
    assertThat(operatorWrites(mark)).isEmpty();
    ManagedResource after = first("life-late", "late", "Queue");
    assertThat(forProvider(after))
        .containsEntry("visibilityTimeoutSeconds", 30)
        .containsEntry("delaySeconds", 0);
  }

  @Test
  void deletingThePipelineCollectsItsMrsThroughOwnerReferences() {
    admin.resource(pipeline("life-delete", "gone")).create();
    awaitReady("life-delete", "gone");
    List<ManagedResource> tables = mrsOfKind("life-delete", "gone", "Table");
    assertThat(tables).isNotEmpty();
    for (ManagedResource table : tables) {
      @SuppressWarnings("unchecked")
      List<String> policies =
          (List<String>)
              ((Map<String, Object>) table.getAdditionalProperties().get("spec"))
                  .get("managementPolicies");
      assertThat(policies)
          .as("Retain: the table outlives its MR")
          .isNotEmpty()
          .doesNotContain("Delete", "*");
    }
    long mark = cluster.auditLog().mark();

    admin.resources(FraudPipeline.class).inNamespace("life-delete").withName("gone").delete();

    Eventually.await(
        "every MR of the pipeline gone",
        PATIENCE,
        () -> mrs("life-delete", "gone").isEmpty() && get("life-delete", "gone") == null);
    List<AuditLog.Entry> mrDeletes =
        cluster.auditLog().since(mark).stream()
            .filter(e -> e.verb().equals("delete") && e.namespace().equals("life-delete"))
            .filter(e -> !e.resource().equals("fraudpipelines") && !e.resource().equals("events"))
            .toList();
    assertThat(mrDeletes)
        .as("the garbage collector deleted them")
        .isNotEmpty()
        .allMatch(e -> e.user().equals(ControlPlane.CONTROLLER_MANAGER_USER));
  }

  /** The commands of the README's code block that applies examples/fraudpipeline.yaml. */
  static List<String[]> readmeCommands() throws java.io.IOException {
    String readme = java.nio.file.Files.readString(ProjectPaths.root().resolve("README.md"));
    for (String block : readme.split("```")) {
      if (block.contains("kubectl apply -f examples/fraudpipeline.yaml")) {
        return block
            .lines()
            .map(String::trim)
            .filter(l -> l.startsWith("kubectl "))
            .map(l -> l.substring("kubectl ".length()).split(" +"))
            .toList();
      }
    }
    throw new AssertionError("no README block applies examples/fraudpipeline.yaml");
  }

  static ControlPlane.KubectlResult kubectl(String... args) throws Exception {
    ControlPlane.KubectlResult r = cluster.kubectl(args);
    assertThat(r.exitCode()).as("kubectl %s: %s", String.join(" ", args), r.output()).isZero();
    return r;
  }

  @Test
  void theReadmeKubectlCommandsRunAsWritten() throws Exception {
    List<String[]> commands = readmeCommands();
    assertThat(commands).hasSizeGreaterThanOrEqualTo(4);
    for (String[] command : commands) {
      kubectl(command);
    }

    String table = kubectl("get", "fp", "-n", "fraud-dev").output();
    List<String> lines = table.lines().toList();
    assertThat(lines.get(0).split(" +"))
        .containsExactly("NAME", "READY", "SUFFIX", "REGION", "ENDPOINT", "AGE");
    String[] row = lines.get(1).split(" +");
    assertThat(row).hasSize(6);
    assertThat(row[0]).isEqualTo("payments");
    assertThat(row[1]).isEqualTo("True");
    assertThat(row[3]).isEqualTo("us-east-1");
    assertThat(row[4]).startsWith("https://");

    String described = kubectl("describe", "fp", "payments", "-n", "fraud-dev").output();
    assertThat(described).contains("Events:").contains("Ready");
    assertThat(cluster.client().v1().events().inNamespace("fraud-dev").list().getItems())
        .as("Events stored by the server")
        .anyMatch(
            e ->
                "Ready".equals(e.getReason())
                    && "payments".equals(e.getInvolvedObject().getName()));

    String explained = kubectl("explain", "fraudpipeline.spec.stream").output();
    assertThat(explained).contains("batchSize").contains("startingPosition");
  }
}
