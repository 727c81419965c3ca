package io.fraudpipeline.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fraudpipeline.api.v1alpha1.Authorization;
import io.fraudpipeline.api.v1alpha1.ConditionReasons;
import io.fraudpipeline.api.v1alpha1.ConditionTypes;
import io.fraudpipeline.api.v1alpha1.DeletionPolicy;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.crossplane.CrossplaneKinds;
import io.fraudpipeline.operator.stack.ManagedKind;
import io.fraudpipeline.operator.stack.ManagedObject;
import io.fraudpipeline.testing.cluster.AuditLog;
import io.fraudpipeline.testing.cluster.ControlPlane;
import io.fraudpipeline.testing.cluster.Eventually;
import io.fraudpipeline.testing.crd.FraudPipelineCrd;
import io.fraudpipeline.testing.crd.ProjectPaths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shared real-server lifecycle with Crossplane managed resources and {@link SimulatedProvider}
 * playing the provider; plus the README's kubectl commands run as written. Its static helpers serve
 * the other real-server tests of the Crossplane backend.
 */
class RealServerLifecycleTest extends RealServerBackendLifecycleTest {

  @Override
  void installCrds() throws java.io.IOException {
    installCrds(cluster);
  }

  @Override
  SimulatedDeletions simulatedControllers(KubernetesClient client) {
    return SimulatedProvider.withFinalizers(client);
  }

  @Override
  String prefix() {
    return "life";
  }

  @Override
  String controllerPause() {
    return SimulatedProvider.PAUSED;
  }

  @Override
  @SuppressWarnings("unchecked")
  Map<String, Object> arnHolder(Map<String, Object> status) {
    return (Map<String, Object>) status.get("atProvider");
  }

  @Override
  FraudPipeline seed(String namespace, String name) {
    return pipeline(namespace, name);
  }

  @Override
  List<ManagedKind> kinds() {
    return CrossplaneKinds.all();
  }

  @Override
  Map<String, Object> settings(GenericKubernetesResource object) {
    return forProvider(object);
  }

  @Override
  @SuppressWarnings("unchecked")
  Map<String, Object> tagsOf(GenericKubernetesResource object) {
    return (Map<String, Object>) forProvider(object).get("tags");
  }

  @Override
  String subscriptionKind() {
    return "TopicSubscription";
  }

  /**
   * The API key goes with API_KEY authorization: its key, usage plan and usage-plan key are
   * deleted; the processor's memory and the stream's batch size change too.
   */
  @Override
  List<String> editRemovingKinds(FraudPipeline pipeline) {
    pipeline.getSpec().getApi().setAuthorization(Authorization.AWS_IAM);
    pipeline.getSpec().getFunctions().getProcessor().setMemoryMb(2048);
    pipeline.getSpec().getStream().setBatchSize(250);
    return List.of("APIKey", "UsagePlan", "UsagePlanKey");
  }

  /** The methods ask for IAM, one deployment is left and the stage uses it; sizes followed. */
  @Override
  void assertBackendEdits(String namespace, String name) {
    assertThat(mrsOfKind(namespace, name, "Method"))
        .isNotEmpty()
        .allSatisfy(
            m ->
                assertThat(forProvider(m))
                    .containsEntry("authorization", "AWS_IAM")
                    .containsEntry("apiKeyRequired", false));
    Eventually.await(
        "the old deployment retired",
        PATIENCE,
        () -> mrsOfKind(namespace, name, "Deployment").size() == 1);
    String deployment = mrsOfKind(namespace, name, "Deployment").get(0).getMetadata().getName();
    assertThat(forProvider(mrsOfKind(namespace, name, "Stage").get(0)).get("deploymentIdRef"))
        .isEqualTo(Map.of("name", deployment));
    assertThat(forProvider(mrNamed(namespace, name, "Function", name + "-processor")))
        .containsEntry("memorySize", 2048);
    assertThat(forProvider(mrsOfKind(namespace, name, "EventSourceMapping").get(0)))
        .containsEntry("batchSize", 250);
  }

  @Override
  GenericKubernetesResource foreignQueue(String namespace, String name) {
    return new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
        .withApiVersion("sqs.aws.m.upbound.io/v1beta1")
        .withKind("Queue")
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .endMetadata()
        .addToAdditionalProperties("spec", Map.of("forProvider", Map.of("region", "us-east-1")))
        .build();
  }

  @Override
  String queueRetentionField() {
    return "messageRetentionSeconds";
  }

  @Override
  Object handEditedRetention() {
    return 60;
  }

  /** The provider fills in what AWS defaulted, as Crossplane's late initialization does. */
  @Override
  Map<String, Object> lateInitialize(GenericKubernetesResource queue) {
    Map<String, Object> filledIn = Map.of("visibilityTimeoutSeconds", 30, "delaySeconds", 0);
    editSettings(controllerClient, queue, filledIn);
    return filledIn;
  }

  /** Retain: the management policies leave out Delete, so the table outlives its MR. */
  @Override
  void assertRetained(GenericKubernetesResource table) {
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

  /**
   * The per-JVM server with the FraudPipeline and provider CRDs, made the one this class's static
   * helpers use.
   */
  static ControlPlane crossplaneServer() throws java.io.IOException {
    cluster = ControlPlane.shared();
    admin = cluster.client();
    installCrds(cluster);
    return cluster;
  }

  static void installCrds(ControlPlane cluster) throws java.io.IOException {
    cluster.applyCrds(ControlPlane.yamlFiles(ProjectPaths.providerCrds()));
    cluster.applyCrdObjects(
        List.of(Serialization.unmarshal(FraudPipelineCrd.yaml(), CustomResourceDefinition.class)));
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
    p.getSpec().getAlerts().setSubscriptions(Fixtures.twoAlertSubscriptions());
    p.getSpec().getApi().setAuthorization(Authorization.API_KEY);
    return p;
  }

  /** Every MR of the pipeline, of every kind. */
  static List<ManagedObject> mrs(String namespace, String name) {
    return labelled(CrossplaneKinds.all(), namespace, name);
  }

  /** The pipeline's MRs of one kind. */
  static List<ManagedObject> mrsOfKind(String namespace, String name, String kind) {
    return mrs(namespace, name).stream().filter(m -> m.getKind().equals(kind)).toList();
  }

  static ManagedObject mrNamed(String namespace, String name, String kind, String mrName) {
    return mrsOfKind(namespace, name, kind).stream()
        .filter(m -> m.getMetadata().getName().equals(mrName))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + mrName + " in " + namespace));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> forProvider(GenericKubernetesResource mr) {
    return (Map<String, Object>)
        ((Map<String, Object>) mr.getAdditionalProperties().get("spec")).get("forProvider");
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
  void retainKeepsTheTablesOutOfDeletionAndDeleteReleasesThem() {
    String ns = readyPipeline("retain");
    assertThat(mrsOfKind(ns, "retain", "Table"))
        .hasSize(2)
        .allSatisfy(
            t -> {
              assertThat(spec(t).get("managementPolicies"))
                  .isEqualTo(List.of("Observe", "Create", "Update", "LateInitialize"));
              assertThat(forProvider(t)).containsEntry("deletionProtectionEnabled", true);
            });

    edit(ns, "retain", p -> p.getSpec().setDeletionPolicy(DeletionPolicy.DELETE));

    Eventually.await(
        "both tables deletable",
        PATIENCE,
        () ->
            mrsOfKind(ns, "retain", "Table").stream()
                .allMatch(
                    t ->
                        List.of("*").equals(spec(t).get("managementPolicies"))
                            && Boolean.FALSE.equals(
                                forProvider(t).get("deletionProtectionEnabled"))));
  }

  @Test
  void aSecondPipelineWithTheSameSuffixStallsAndTouchesNothing() {
    String ns = readyPipeline("suffix");
    FraudPipeline copy = pipeline(ns, "suffix-copy");
    copy.getSpec().setEnvironmentSuffix("suffix");
    admin.resource(copy).create();

    Eventually.await(
        "the copy stalls",
        PATIENCE,
        () -> hasCondition(get(ns, "suffix-copy"), ConditionTypes.STALLED));
    assertThat(conditionOf(get(ns, "suffix-copy").getStatus(), ConditionTypes.STALLED).getMessage())
        .startsWith(
            "spec.environmentSuffix: 'suffix' is already used by FraudPipeline " + ns + "/suffix");
    assertThat(mrs(ns, "suffix-copy")).as("the copy's MRs").isEmpty();
    assertThat(hasCondition(get(ns, "suffix"), ConditionTypes.READY)).isTrue();
    admin.resource(copy).delete();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(GenericKubernetesResource mr) {
    return (Map<String, Object>) mr.getAdditionalProperties().get("spec");
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
        .containsExactly("NAME", "READY", "SUFFIX", "REGION", "ENDPOINT", "PAUSED", "AGE");
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

  /**
   * With API_KEY the provider publishes the key's value to the Secret the APIKey names; the
   * operator never reads it, the outputs ConfigMap names the Secret, and both go when the key does.
   */
  @Test
  void theApiKeyValueReachesItsSecretThroughTheProviderOnly() {
    long mark = cluster.auditLog().mark();
    String ns = readyPipeline("apikey");
    Eventually.await(
        "the key's Secret",
        PATIENCE,
        () -> admin.secrets().inNamespace(ns).withName("apikey-api-key").get() != null);
    var secret = admin.secrets().inNamespace(ns).withName("apikey-api-key").get();
    assertThat(secret.getData()).containsKey(SimulatedProvider.API_KEY_VALUE);
    assertThat(spec(mrsOfKind(ns, "apikey", "APIKey").get(0)))
        .containsEntry("writeConnectionSecretToRef", Map.of("name", "apikey-api-key"));
    Eventually.await(
        "the outputs name the Secret",
        PATIENCE,
        () ->
            "apikey-api-key".equals(outputs(ns, "apikey-outputs").getData().get("API_KEY_SECRET")));
    assertThat(cluster.auditLog().since(mark))
        .as("the operator never touches Secrets")
        .noneMatch(e -> e.user().equals(OPERATOR_USER) && e.resource().equals("secrets"));

    edit(ns, "apikey", p -> p.getSpec().getApi().setAuthorization(Authorization.AWS_IAM));
    Eventually.await(
        "no key, no Secret, no API_KEY_SECRET",
        PATIENCE,
        () ->
            admin.secrets().inNamespace(ns).withName("apikey-api-key").get() == null
                && !outputs(ns, "apikey-outputs").getData().containsKey("API_KEY_SECRET"),
        () ->
            "secret "
                + (admin.secrets().inNamespace(ns).withName("apikey-api-key").get() != null)
                + ", outputs "
                + outputs(ns, "apikey-outputs").getData()
                + ", APIKeys "
                + mrsOfKind(ns, "apikey", "APIKey").size()
                + ", status "
                + Serialization.asJson(get(ns, "apikey").getStatus()));
  }

  /**
   * {@code kubectl delete --cascade=foreground}: the server adds its foregroundDeletion finalizer
   * beside the operator's, and the garbage collector deletes every managed resource at once, so the
   * phases are not kept (the tables are asked for before the traffic objects are gone); the
   * pipeline goes once its objects are gone.
   */
  @Test
  void aForegroundDeleteLetsTheGarbageCollectorDeleteEveryObjectAtOnce() throws Exception {
    String ns = readyPipeline("foreground");
    List<ManagedObject> before = mrs(ns, "foreground");
    long mark = cluster.auditLog().mark();
    controllers.deleteAfter(java.time.Duration.ofSeconds(2));
    try (StatusHistory history = StatusHistory.of(admin, ns, "foreground")) {
      kubectl("delete", "fp", "foreground", "-n", ns, "--cascade=foreground", "--wait=false");
      Eventually.await(
          "both finalizers on the pipeline",
          PATIENCE,
          () -> {
            FraudPipeline p = get(ns, "foreground");
            return p != null
                && p.getMetadata()
                    .getFinalizers()
                    .containsAll(List.of(PIPELINE_FINALIZER, "foregroundDeletion"));
          });
      Eventually.await(
          "the pipeline and its objects gone",
          PATIENCE,
          () -> get(ns, "foreground") == null && mrs(ns, "foreground").isEmpty());
      assertThat(history.statuses())
          .as("the status said what was left meanwhile")
          .anyMatch(
              s ->
                  ConditionReasons.DELETING.equals(conditionOf(s, ConditionTypes.READY).getReason())
                      && !s.getPending().isEmpty());
    } finally {
      controllers.deleteAfter(java.time.Duration.ZERO);
    }
    List<AuditLog.Entry> log = writesIn(ns, mark);
    List<String> collected =
        log.stream()
            .filter(e -> e.user().equals(ControlPlane.CONTROLLER_MANAGER_USER))
            .filter(e -> e.verb().equals("delete") && !e.resource().equals("fraudpipelines"))
            .map(AuditLog.Entry::name)
            .toList();
    assertThat(collected)
        .as("the garbage collector deleted the objects the operator had not")
        .isNotEmpty();
    List<String> deletedByAnyone =
        log.stream()
            .filter(e -> e.verb().equals("delete") && !e.resource().equals("fraudpipelines"))
            .map(AuditLog.Entry::name)
            .toList();
    assertThat(deletedByAnyone)
        .as("every object was asked to go")
        .containsAll(before.stream().map(m -> m.getMetadata().getName()).toList());
    // the operator asks for the tables last (phase 4); here the garbage collector asks for them,
    // whatever is left of the earlier phases: the phases are not kept
    assertThat(collected)
        .as("the tables asked for by the garbage collector, not in the operator's last phase")
        .containsAll(
            before.stream()
                .filter(m -> m.getKind().equals("Table"))
                .map(m -> m.getMetadata().getName())
                .toList());
  }

  /**
   * Deleting the namespace: the namespace controller deletes the pipeline and its managed resources
   * together, so the phases are not kept either; the pipeline waits for its objects, with its
   * finalizer, and the namespace goes last.
   */
  @Test
  void deletingTheNamespaceDeletesThePipelineAndItsObjectsTogether() {
    String ns = readyPipeline("namespace");
    long mark = cluster.auditLog().mark();
    controllers.deleteAfter(java.time.Duration.ofSeconds(2));
    try {
      admin.namespaces().withName(ns).delete();
      Eventually.await(
          "the namespace gone, with the pipeline and its objects",
          PATIENCE.multipliedBy(2),
          () -> admin.namespaces().withName(ns).get() == null);
    } finally {
      controllers.deleteAfter(java.time.Duration.ZERO);
    }
    List<AuditLog.Entry> log = writesIn(ns, mark);
    assertThat(
            log.stream()
                .filter(e -> e.user().equals(ControlPlane.CONTROLLER_MANAGER_USER))
                .filter(e -> e.verb().equals("deletecollection"))
                .map(AuditLog.Entry::resource))
        .as("the namespace controller deleted every kind at once, the pipelines among them")
        .contains("fraudpipelines", "tables", "stages", "functions");
    int finalizerRemoved = lastWrite(log, OPERATOR_USER, "fraudpipelines");
    for (String plural : List.of("tables", "stages", "functions")) {
      assertThat(finalizerRemoved)
          .as("the operator let the pipeline go after the last of its %s", plural)
          .isGreaterThan(lastWrite(log, PROVIDER_USER, plural));
    }
  }

  private static int lastWrite(List<AuditLog.Entry> log, String user, String plural) {
    int last = -1;
    for (int i = 0; i < log.size(); i++) {
      if (log.get(i).user().equals(user) && log.get(i).resource().equals(plural)) {
        last = i;
      }
    }
    return last;
  }
}
