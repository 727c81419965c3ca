package io.fraudpipeline.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fraudpipeline.api.v1alpha1.Authorization;
import io.fraudpipeline.api.v1alpha1.ConditionReasons;
import io.fraudpipeline.api.v1alpha1.ConditionTypes;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.FraudPipelineStatus;
import io.fraudpipeline.api.v1alpha1.OutputsSpec;
import io.fraudpipeline.api.v1alpha1.PipelineAnnotations;
import io.fraudpipeline.operator.backend.StackBackend;
import io.fraudpipeline.operator.model.Ownership;
import io.fraudpipeline.operator.runtime.InstalledBackends;
import io.fraudpipeline.operator.stack.DeletionPhase;
import io.fraudpipeline.operator.stack.ManagedKind;
import io.fraudpipeline.operator.stack.ManagedObject;
import io.fraudpipeline.testing.cluster.AuditLog;
import io.fraudpipeline.testing.cluster.ControlPlane;
import io.fraudpipeline.testing.cluster.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The lifecycle every backend passes on a real kube-apiserver: the operator as production runs it
 * (SSA, the chart's settings, a short resync), the backend's controllers simulated by a separate
 * client of the server, a real garbage collector, and writes counted from the server's audit log.
 * Each scenario has a pipeline in a namespace of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RealServerBackendLifecycleTest {

  static final String OPERATOR_USER = "fraud-pipeline-operator";
  static final String PROVIDER_USER = "simulated-provider";
  static final Duration RESYNC = Duration.ofSeconds(2);
  static final Duration PATIENCE = Duration.ofSeconds(60);

  /** The finalizer the API contract names (docs/api.md, Deletion). */
  static final String PIPELINE_FINALIZER = "fraudpipeline.io/ordered-deletion";

  /** The chart's operator.deletionStuckAfter for these tests: a held object warns within it. */
  static final Duration STUCK_AFTER = Duration.ofSeconds(5);

  static ControlPlane cluster;
  static KubernetesClient admin;

  /** The client the simulated controllers write with, as {@link #PROVIDER_USER}. */
  KubernetesClient controllerClient;

  SimulatedDeletions controllers;
  ProductionOperator operator;
  private final Set<String> namespaces = new LinkedHashSet<>();

  /** Installs the CRDs this backend's pipelines need (the FraudPipeline one included). */
  abstract void installCrds() throws java.io.IOException;

  /** Starts the simulated controllers of this backend on that client. */
  abstract SimulatedDeletions simulatedControllers(KubernetesClient client);

  /** Prefix of this backend's namespaces, so the backends' scenarios never meet. */
  abstract String prefix();

  /** The seed pipeline for this backend, with a tag, two alert subscriptions and tags. */
  abstract FraudPipeline seed(String namespace, String name);

  abstract List<ManagedKind> kinds();

  /** Where the object's AWS settings are ({@code spec.forProvider}, or {@code spec} with ACK). */
  abstract Map<String, Object> settings(GenericKubernetesResource object);

  /** The object's tags as a map, whatever the shape; null when it has none. */
  abstract Map<String, Object> tagsOf(GenericKubernetesResource object);

  abstract String subscriptionKind();

  /** The spec edit beyond tags and subscriptions, and the kinds it must make disappear. */
  abstract List<String> editRemovingKinds(FraudPipeline pipeline);

  /** A queue of someone else's (no labels, no owner), with the given name. */
  abstract GenericKubernetesResource foreignQueue(String namespace, String name);

  /** The queue's retention setting, and a value a hand edit sets it to. */
  abstract String queueRetentionField();

  abstract Object handEditedRetention();

  /** The controller fills in what AWS defaulted; returns the fields it set. */
  abstract Map<String, Object> lateInitialize(GenericKubernetesResource queue);

  /** The table's settings say it outlives its Kubernetes object. */
  abstract void assertRetained(GenericKubernetesResource table);

  /** The annotation with which this backend's controllers leave an object alone. */
  abstract String controllerPause();

  /** What this backend's part of the spec edit changed ({@link #editRemovingKinds}), if more. */
  void assertBackendEdits(String namespace, String name) {}

  @BeforeAll
  void start() throws Exception {
    cluster = ControlPlane.shared();
    admin = cluster.client();
    installCrds();
    namespace("fraud-system");
    Config controllerConfig = cluster.configForUser(PROVIDER_USER, "system:masters");
    // the server names a client's Update entries in managedFields after its user agent: the
    // controllers' own, as real ones have, not the operator's (the same fabric8 default)
    controllerConfig.setUserAgent("simulated-controllers/1.0");
    controllerClient = new KubernetesClientBuilder().withConfig(controllerConfig).build();
    controllers = simulatedControllers(controllerClient);
    operator = operatorAsCharted("operator-0");
  }

  /**
   * The operator as the chart runs it, in pod {@code podName} of fraud-system, short resync, and
   * the stuck-deletion warning after {@link #STUCK_AFTER}.
   */
  static ProductionOperator operatorAsCharted(String podName) throws Exception {
    Map<String, String> env = ProductionOperator.chartEnvironment("fraud-system", podName);
    env.put("DELETION_STUCK_AFTER", STUCK_AFTER.toSeconds() + "s");
    return new ProductionOperator(
        cluster.configForUser(OPERATOR_USER, "system:masters"), env, RESYNC);
  }

  /**
   * The operator stops first (else it re-creates what the namespace controller deletes, refused in
   * a terminating namespace), and the pipelines' finalizers go as docs/deploy.md says when the
   * operator is gone; the controllers last, once the namespaces are gone, so their finalizers are
   * released.
   */
  @AfterAll
  void stop() throws Exception {
    if (operator != null) {
      operator.close();
    }
    try {
      deleteNamespaces(namespaces);
    } finally {
      if (controllers != null) {
        controllers.close();
      }
      if (controllerClient != null) {
        controllerClient.close();
      }
    }
  }

  /**
   * Deletes the scenarios' namespaces, the pipelines' finalizers removed first as docs/deploy.md
   * says when the operator is gone, and waits until they are gone.
   */
  static void deleteNamespaces(Set<String> namespaces) {
    for (String ns : namespaces) {
      PipelineFinalizers.removeAll(admin, ns);
      admin.namespaces().withName(ns).delete();
    }
    Eventually.await(
        "the scenarios' namespaces deleted",
        PATIENCE,
        () -> namespaces.stream().allMatch(ns -> admin.namespaces().withName(ns).get() == null));
  }

  /** This backend's namespace for a scenario, deleted after the class. */
  String ns(String scenario) {
    String name = prefix() + "-" + scenario;
    namespaces.add(name);
    return name;
  }

  /**
   * The seed pipeline named after the scenario, in the scenario's namespace, once Ready; returns
   * the namespace.
   */
  String readyPipeline(String scenario) {
    String ns = ns(scenario);
    admin.resource(seed(ns, scenario)).create();
    awaitReady(ns, scenario);
    return ns;
  }

  static void namespace(String name) {
    admin
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .serverSideApply();
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

  static boolean isTrue(FraudPipelineStatus status, String type) {
    return status != null
        && status.getConditions().stream()
            .anyMatch(c -> c.getType().equals(type) && c.getStatus().equals("True"));
  }

  static Condition conditionOf(FraudPipelineStatus status, String type) {
    return status.getConditions().stream()
        .filter(c -> c.getType().equals(type))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " condition in " + status));
  }

  static FraudPipeline awaitReady(String namespace, String name) {
    Eventually.await(
        namespace + "/" + name + " Ready",
        PATIENCE,
        () -> {
          FraudPipeline p = get(namespace, name);
          return hasCondition(p, ConditionTypes.READY)
              && p.getStatus().getObservedGeneration() != null
              && p.getStatus().getObservedGeneration().equals(p.getMetadata().getGeneration());
        },
        () -> Serialization.asJson(get(namespace, name).getStatus()));
    return get(namespace, name);
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

  /** Every write the server accepted in the namespace since the mark, by anyone, in order. */
  static List<AuditLog.Entry> writesIn(String namespace, long mark) {
    return cluster.auditLog().since(mark).stream()
        .filter(e -> e.isWrite() && e.code() < 300 && namespace.equals(e.namespace()))
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

  /** Every object of the pipeline, of every kind of this backend. */
  List<ManagedObject> objects(String namespace, String name) {
    return labelled(kinds(), namespace, name);
  }

  /** The objects of these kinds labelled as the pipeline's. */
  static List<ManagedObject> labelled(List<ManagedKind> kinds, String namespace, String name) {
    List<ManagedObject> out = new ArrayList<>();
    for (ManagedKind kind : kinds) {
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

  List<ManagedObject> objectsOfKind(String namespace, String name, String kind) {
    return objects(namespace, name).stream().filter(m -> m.getKind().equals(kind)).toList();
  }

  ManagedObject firstOfKind(String namespace, String name, String kind) {
    return objectsOfKind(namespace, name, kind).stream().findFirst().orElseThrow();
  }

  /** The current version of the object with an edit of its settings, written by this client. */
  void editSettings(
      KubernetesClient client, GenericKubernetesResource object, Map<String, Object> values) {
    client
        .genericKubernetesResources(object.getApiVersion(), object.getKind())
        .inNamespace(object.getMetadata().getNamespace())
        .withName(object.getMetadata().getName())
        .edit(
            o -> {
              settings(o).putAll(values);
              return o;
            });
  }

  @Test
  void becomesReadyInDependencyOrderThenMakesNoWritesAtSteadyState() {
    String ns = ns("ready");
    long mark = cluster.auditLog().mark();
    FraudPipeline seed = seed(ns, "ready");
    FraudPipeline ready;
    try (StatusHistory history = StatusHistory.of(admin, ns, "ready")) {
      admin.resource(seed).create();
      ready = awaitReady(ns, "ready");
      assertThat(history.statuses())
          .as("a first wave that waits for the controllers' statuses")
          .anyMatch(s -> !s.getPending().isEmpty() && isTrue(s, ConditionTypes.RECONCILING));
    }
    FraudPipelineStatus status = ready.getStatus();
    assertThat(status.getApiEndpoint())
        .matches(
            "https://[0-9a-f]{10}\\.execute-api\\.us-east-1\\.amazonaws\\.com/prod/transactions");
    assertThat(status.getResources().getTotal())
        .as("the whole stack the model wants")
        .isEqualTo(InstalledBackends.all().of(seed).renderAssumingReady(seed).desired().size());
    assertThat(status.getResources().getReady())
        .isEqualTo(status.getResources().getTotal())
        .isEqualTo(objects(ns, "ready").size());
    assertThat(status.getPending()).isEmpty();
    assertThat(status.getAlertTopicArn())
        .isEqualTo("arn:aws:sns:us-east-1:000000000000:fraud-alerts-ready");
    assertThat(isTrue(status, ConditionTypes.STALLED)).isFalse();
    assertOwnedBy(ready, objects(ns, "ready"));

    List<String> creates =
        operatorWrites(mark).stream()
            .filter(e -> e.verb().equals("create") && e.namespace().equals(ns))
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
    String ns = ns("foreign");
    FraudPipeline p = seed(ns, "foreign");
    String queueName =
        InstalledBackends.all().of(p).renderAssumingReady(p).desired().stream()
            .filter(m -> m.getKind().equals("Queue"))
            .findFirst()
            .orElseThrow()
            .getMetadata()
            .getName();
    GenericKubernetesResource queue = foreignQueue(ns, queueName);
    Map<String, Object> foreignSettings = new LinkedHashMap<>(settings(queue));
    admin.resource(queue).create();

    admin.resource(p).create();

    Eventually.await(
        "the pipeline stalls naming the queue",
        PATIENCE,
        () -> {
          FraudPipeline now = get(ns, "foreign");
          return hasCondition(now, ConditionTypes.STALLED)
              && now.getStatus().getConditions().stream()
                  .anyMatch(c -> c.getMessage() != null && c.getMessage().contains(queueName));
        },
        () -> String.valueOf(get(ns, "foreign").getStatus()));
    GenericKubernetesResource after =
        admin
            .genericKubernetesResources(queue.getApiVersion(), "Queue")
            .inNamespace(ns)
            .withName(queueName)
            .get();
    assertThat(after.getMetadata().getLabels()).as("labels of the foreign queue").isNullOrEmpty();
    assertThat(after.getMetadata().getOwnerReferences()).isNullOrEmpty();
    assertThat(settings(after)).isEqualTo(foreignSettings);
    Condition stalled = conditionOf(get(ns, "foreign").getStatus(), ConditionTypes.STALLED);
    assertThat(stalled.getReason()).isEqualTo(ConditionReasons.NAME_TAKEN);
    assertThat(stalled.getMessage())
        .startsWith("Queue " + ns + "/" + queueName + " already exists and is not managed");

    admin.resource(after).delete();
    awaitReady(ns, "foreign");
    assertThat(hasCondition(get(ns, "foreign"), ConditionTypes.STALLED)).isFalse();
  }

  @Test
  void specEditsAndRemovedFieldsReachTheObjects() {
    String ns = readyPipeline("edits");
    int alertSubscriptions = objectsOfKind(ns, "edits", subscriptionKind()).size();
    Map<String, String> uids = uids(objects(ns, "edits"));
    List<String> gone = new ArrayList<>();

    admin
        .resources(FraudPipeline.class)
        .inNamespace(ns)
        .withName("edits")
        .edit(
            p -> {
              p.getSpec().setTags(new LinkedHashMap<>(Map.of("team", "risk")));
              p.getSpec().getAlerts().getSubscriptions().remove(1);
              gone.addAll(editRemovingKinds(p));
              return p;
            });

    Eventually.await(
        "tags, subscriptions and the removed kinds follow the spec",
        PATIENCE,
        () -> {
          List<ManagedObject> now = objects(ns, "edits");
          return now.stream()
                  .filter(m -> tagsOf(m) != null)
                  .allMatch(
                      m ->
                          "risk".equals(tagsOf(m).get("team"))
                              && !tagsOf(m).containsKey("cost-center"))
              && now.stream().filter(m -> m.getKind().equals(subscriptionKind())).count()
                  == alertSubscriptions - 1
              && now.stream().noneMatch(m -> gone.contains(m.getKind()));
        },
        () ->
            objects(ns, "edits").stream()
                .map(m -> m.getKind() + " " + tagsOf(m))
                .toList()
                .toString());
    assertThat(objects(ns, "edits").stream().filter(m -> tagsOf(m) != null))
        .as("objects with tags")
        .isNotEmpty();
    assertThat(objectsOfKind(ns, "edits", subscriptionKind()))
        .as("the subscription kept")
        .allSatisfy(s -> assertThat(settings(s).get("endpoint")).isEqualTo("fraud@example.com"));
    awaitReady(ns, "edits");
    Map<String, String> kept = uids(objects(ns, "edits"));
    kept.keySet().retainAll(uids.keySet());
    assertThat(kept.keySet())
        .as("functions, tables and queues are kept")
        .containsAll(
            uids.keySet().stream().filter(o -> o.matches("(Function|Table|Queue)/.*")).toList());
    assertThat(uids)
        .as("the objects still wanted were updated in place, not replaced")
        .containsAllEntriesOf(kept);
    assertBackendEdits(ns, "edits");
  }

  /** The pipeline read, changed and written back. */
  static FraudPipeline edit(String namespace, String name, Consumer<FraudPipeline> change) {
    return admin
        .resources(FraudPipeline.class)
        .inNamespace(namespace)
        .withName(name)
        .edit(
            p -> {
              change.accept(p);
              return p;
            });
  }

  /** Each object is labelled as the pipeline's and has it as its one controlling owner. */
  static void assertOwnedBy(FraudPipeline pipeline, List<ManagedObject> objects) {
    assertThat(objects)
        .allSatisfy(
            r -> {
              assertThat(r.getMetadata().getLabels())
                  .containsEntry(Ownership.MANAGED_BY_LABEL, Ownership.MANAGED_BY)
                  .containsEntry(Ownership.PIPELINE_LABEL, pipeline.getMetadata().getName());
              assertThat(r.getMetadata().getOwnerReferences())
                  .singleElement()
                  .satisfies(
                      o -> {
                        assertThat(o.getUid()).isEqualTo(pipeline.getMetadata().getUid());
                        assertThat(o.getController()).isTrue();
                      });
            });
  }

  /** Each object's uid by "Kind/name". */
  static Map<String, String> uids(List<ManagedObject> objects) {
    Map<String, String> out = new LinkedHashMap<>();
    objects.forEach(
        o -> out.put(o.getKind() + "/" + o.getMetadata().getName(), o.getMetadata().getUid()));
    return out;
  }

  @Test
  void turningTheCheckOffDeletesItsObjectsAndLeavesTheRestInPlace() {
    // the check runs only with AWS_IAM (the Crossplane seed uses API_KEY)
    String ns = ns("quiet");
    FraudPipeline iam = seed(ns, "quiet");
    iam.getSpec().getApi().setAuthorization(Authorization.AWS_IAM);
    admin.resource(iam).create();
    awaitReady(ns, "quiet");
    Map<String, String> before = uids(objects(ns, "quiet"));
    List<String> checkObjects =
        before.keySet().stream()
            .filter(o -> o.contains("/quiet-check") || o.endsWith("-not-scoring"))
            .toList();
    assertThat(checkObjects)
        .as("the check's objects")
        .contains("Function/quiet-check", "Rule/quiet-check-schedule")
        .anySatisfy(o -> assertThat(o).endsWith("-not-scoring"));

    edit(ns, "quiet", p -> p.getSpec().getCheck().setEnabled(false));

    Eventually.await(
        "the check's objects deleted",
        PATIENCE,
        () -> uids(objects(ns, "quiet")).keySet().stream().noneMatch(checkObjects::contains));
    awaitReady(ns, "quiet");
    Map<String, String> rest = new LinkedHashMap<>(before);
    rest.keySet().removeAll(checkObjects);
    assertThat(uids(objects(ns, "quiet")))
        .as("every other object kept, updated in place")
        .isEqualTo(rest);
    assertThat(
            admin
                .resources(FraudPipeline.class)
                .inNamespace(ns)
                .withName("quiet")
                .get()
                .getStatus()
                .getDashboardUrl())
        .as("the dashboard stays")
        .contains("#dashboards/dashboard/fraud-pipeline-");
  }

  @Test
  void aHandEditedOrDeletedObjectIsRepaired() {
    String ns = readyPipeline("repair");
    ManagedObject queue = firstOfKind(ns, "repair", "Queue");
    Object retention = settings(queue).get(queueRetentionField());
    assertThat(retention).isNotNull().isNotEqualTo(handEditedRetention());
    ManagedObject topic = firstOfKind(ns, "repair", "Topic");

    editSettings(admin, queue, Map.of(queueRetentionField(), handEditedRetention()));
    admin.resource(topic).withGracePeriod(0).delete();

    Eventually.await(
        "the queue's retention restored and the topic re-created",
        PATIENCE,
        () -> {
          ManagedObject q = firstOfKind(ns, "repair", "Queue");
          List<ManagedObject> topics = objectsOfKind(ns, "repair", "Topic");
          return String.valueOf(retention)
                  .equals(String.valueOf(settings(q).get(queueRetentionField())))
              && topics.stream()
                  .anyMatch(
                      t ->
                          t.getMetadata().getName().equals(topic.getMetadata().getName())
                              && !t.getMetadata().getUid().equals(topic.getMetadata().getUid()));
        });
    awaitReady(ns, "repair");
  }

  @Test
  void lateInitializedFieldsAreLeftAloneWithoutAWriteLoop() {
    String ns = readyPipeline("late");
    Map<String, Object> filledIn = lateInitialize(firstOfKind(ns, "late", "Queue"));

    awaitQuiet(Duration.ofSeconds(3));
    long mark = cluster.auditLog().mark();
    sleep(RESYNC.multipliedBy(3));
    assertThat(operatorWrites(mark)).isEmpty();
    assertThat(settings(firstOfKind(ns, "late", "Queue"))).containsAllEntriesOf(filledIn);
  }

  /**
   * An upgrade replaces CRDs under the running operator: the FraudPipeline CRD with a new optional
   * field (as helm upgrade applies it) and this backend's Queue CRD with one (a provider upgrade).
   * The server ends the watches of both kinds; the operator watches again, its pipeline stays
   * Ready, and it writes nothing, to the objects or the status; afterwards both watches still bring
   * a change in.
   */
  @Test
  void aCrdUpgradeUnderTheRunningOperatorCostsNoWrite() throws Exception {
    String ns = readyPipeline("crd-upgrade");
    ManagedKind queue =
        kinds().stream().filter(k -> k.kind().equals("Queue")).findFirst().orElseThrow();
    List<CustomResourceDefinition> before =
        List.of(crd(FraudPipeline.PLURAL + "." + FraudPipeline.GROUP), crd(queue.crdName()));
    awaitQuiet(Duration.ofSeconds(3));
    long mark = cluster.auditLog().mark();
    try (StatusHistory history = StatusHistory.of(admin, ns, "crd-upgrade")) {
      cluster.applyCrdObjects(
          before.stream().map(c -> withOptionalField(c, "upgradeProbe")).toList());
      for (String plural : List.of(FraudPipeline.PLURAL, queue.plural())) {
        Eventually.await(
            "the operator watches " + plural + " again",
            PATIENCE,
            () ->
                cluster.auditLog().since(mark).stream()
                    .anyMatch(
                        e ->
                            e.user().equals(OPERATOR_USER)
                                && e.resource().equals(plural)
                                && e.verb().equals("watch")));
      }
      sleep(RESYNC.multipliedBy(4));
      assertThat(operatorWrites(mark))
          .as("the operator's writes across the upgrade")
          .filteredOn(e -> ns.equals(e.namespace()))
          .isEmpty();
      assertThat(history.statuses())
          .as("statuses seen")
          .allMatch(s -> isTrue(s, ConditionTypes.READY));
      assertThat(operator.readiness()).startsWith("200");

      edit(ns, "crd-upgrade", p -> p.getSpec().getTags().put("upgraded", "yes"));
      ManagedObject handEdited = firstOfKind(ns, "crd-upgrade", "Queue");
      Object retention = settings(handEdited).get(queueRetentionField());
      editSettings(admin, handEdited, Map.of(queueRetentionField(), handEditedRetention()));
      Eventually.await(
          "the spec edit and the queue's repair, through the watches of both upgraded kinds",
          PATIENCE,
          () ->
              objects(ns, "crd-upgrade").stream()
                      .filter(m -> tagsOf(m) != null)
                      .allMatch(m -> "yes".equals(tagsOf(m).get("upgraded")))
                  && String.valueOf(retention)
                      .equals(
                          String.valueOf(
                              settings(firstOfKind(ns, "crd-upgrade", "Queue"))
                                  .get(queueRetentionField()))));
      awaitReady(ns, "crd-upgrade");
    } finally {
      cluster.applyCrdObjects(before);
    }
  }

  /** The CRD as stored, without what the server sets, ready to be applied back. */
  private static CustomResourceDefinition crd(String name) {
    CustomResourceDefinition crd =
        admin.apiextensions().v1().customResourceDefinitions().withName(name).get();
    crd.getMetadata().setUid(null);
    crd.getMetadata().setCreationTimestamp(null);
    crd.getMetadata().setGeneration(null);
    return crd;
  }

  /** A copy of the CRD whose spec has one more optional string field, in every version. */
  private static CustomResourceDefinition withOptionalField(
      CustomResourceDefinition crd, String field) {
    CustomResourceDefinition copy = admin.getKubernetesSerialization().clone(crd);
    var string = new JSONSchemaPropsBuilder().withType("string").build();
    for (var version : copy.getSpec().getVersions()) {
      version
          .getSchema()
          .getOpenAPIV3Schema()
          .getProperties()
          .get("spec")
          .getProperties()
          .put(field, string);
    }
    return copy;
  }

  /**
   * With each deletion in AWS taking a while, the operator's deletes come phase by phase, each
   * phase's first delete after the controller released the last object of the phases before; the
   * status says Deleting with what is left; the retained tables' objects go, their AWS tables stay.
   */
  @Test
  void deletingThePipelineDeletesItsObjectsPhaseByPhaseAndReportsProgress() {
    String ns = readyPipeline("delete");
    List<ManagedObject> tables = objectsOfKind(ns, "delete", "Table");
    assertThat(tables).isNotEmpty();
    tables.forEach(this::assertRetained);
    assertThat(get(ns, "delete").getMetadata().getFinalizers()).contains(PIPELINE_FINALIZER);
    List<ManagedObject> before = objects(ns, "delete");
    long mark = cluster.auditLog().mark();
    controllers.deleteAfter(Duration.ofSeconds(1));
    try (StatusHistory history = StatusHistory.of(admin, ns, "delete")) {
      admin.resources(FraudPipeline.class).inNamespace(ns).withName("delete").delete();
      Eventually.await(
          "every object of the pipeline gone, then the pipeline",
          PATIENCE,
          () -> get(ns, "delete") == null && objects(ns, "delete").isEmpty());
      assertThat(history.statuses())
          .as("the status while deleting")
          .anyMatch(
              s ->
                  ConditionReasons.DELETING.equals(conditionOf(s, ConditionTypes.READY).getReason())
                      && !isTrue(s, ConditionTypes.READY)
                      && !s.getPending().isEmpty()
                      && conditionOf(s, ConditionTypes.READY).getMessage().startsWith("Deleting "));
    } finally {
      controllers.deleteAfter(Duration.ZERO);
    }

    List<AuditLog.Entry> log = writesIn(ns, mark);
    List<AuditLog.Entry> operatorDeletes =
        log.stream()
            .filter(e -> e.user().equals(OPERATOR_USER) && e.verb().equals("delete"))
            .filter(e -> !e.resource().equals("fraudpipelines") && !e.resource().equals("events"))
            .toList();
    assertThat(operatorDeletes.stream().map(e -> e.resource() + "/" + e.name()))
        .as("the operator deleted each object once")
        .containsExactlyInAnyOrderElementsOf(
            before.stream().map(o -> plural(o) + "/" + o.getMetadata().getName()).toList());
    assertThat(log)
        .as("no managed resource left for the garbage collector (it deletes the outputs ConfigMap)")
        .noneMatch(
            e ->
                e.user().equals(ControlPlane.CONTROLLER_MANAGER_USER)
                    && e.verb().equals("delete")
                    && !e.resource().equals("configmaps")
                    && !e.resource().equals("secrets"));
    assertPhaseByPhase(log, operatorDeletes);

    List<SimulatedDeletions.Deletion> deletions =
        controllers.deletions().stream().filter(d -> d.namespace().equals(ns)).toList();
    assertThat(deletions.stream().map(d -> d.kind() + "/" + d.name()))
        .as("what the controller finalized")
        .containsExactlyInAnyOrderElementsOf(
            before.stream().map(r -> r.getKind() + "/" + r.getMetadata().getName()).toList());
    assertThat(deletions)
        .allSatisfy(
            d ->
                assertThat(d.deletedInAws())
                    .as(d.kind() + " " + d.name() + " deleted in AWS")
                    .isEqualTo(!d.kind().equals("Table")));
  }

  /**
   * The phases in order, and each one's first delete after the controller's last write (its
   * finalizer released) to every object of the phases before.
   */
  private void assertPhaseByPhase(List<AuditLog.Entry> log, List<AuditLog.Entry> operatorDeletes) {
    StackBackend backend = InstalledBackends.all().of(seed("x", "x"));
    List<DeletionPhase> phases =
        operatorDeletes.stream().map(e -> backend.deletionPhase(kindOf(e.resource()))).toList();
    assertThat(phases).as("the phases of the deletes, in order").isSorted();
    assertThat(Set.copyOf(phases)).as("every phase ran").hasSize(DeletionPhase.values().length);
    for (DeletionPhase phase : DeletionPhase.values()) {
      int firstDelete = log.indexOf(operatorDeletes.get(phases.indexOf(phase)));
      for (int i = 0; i < operatorDeletes.size(); i++) {
        if (phases.get(i).compareTo(phase) < 0) {
          AuditLog.Entry earlier = operatorDeletes.get(i);
          int released = lastWrite(log, PROVIDER_USER, earlier.resource(), earlier.name());
          assertThat(released)
              .as("%s starts after %s %s is gone", phase, earlier.resource(), earlier.name())
              .isBetween(0, firstDelete);
        }
      }
    }
  }

  /** Waits until the pipeline's status.pending names this object with exactly this reason. */
  static void awaitPending(
      String namespace, String pipeline, String kind, String object, String reason) {
    Eventually.await(
        "status.pending names " + kind + " " + object + ": " + reason,
        PATIENCE,
        () -> {
          FraudPipeline p = get(namespace, pipeline);
          return p != null
              && p.getStatus() != null
              && p.getStatus().getPending().stream()
                  .anyMatch(
                      r ->
                          r.getKind().equals(kind)
                              && r.getName().equals(object)
                              && r.getReason().equals(reason));
        },
        () -> Serialization.asJson(get(namespace, pipeline)));
  }

  /** The DeletionStuck events the server stores for the namespace that name this object. */
  static List<io.fabric8.kubernetes.api.model.Event> stuckWarnings(String namespace, String name) {
    return admin.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> "DeletionStuck".equals(e.getReason()))
        .filter(e -> e.getMessage().contains(" " + name + " "))
        .toList();
  }

  private static int lastWrite(
      List<AuditLog.Entry> log, String user, String resource, String name) {
    int last = -1;
    for (int i = 0; i < log.size(); i++) {
      AuditLog.Entry e = log.get(i);
      if (e.user().equals(user) && e.resource().equals(resource) && name.equals(e.name())) {
        last = i;
      }
    }
    return last;
  }

  private ManagedKind kindOf(String plural) {
    return kinds().stream().filter(k -> k.plural().equals(plural)).findFirst().orElseThrow();
  }

  private String plural(ManagedObject object) {
    return kinds().stream()
        .filter(k -> k.is(object.getApiVersion(), object.getKind()))
        .findFirst()
        .orElseThrow()
        .plural();
  }

  /**
   * An object whose deletion never finishes holds the later phases, and the status names it; past
   * the stuck time (the chart's operator.deletionStuckAfter) one DeletionStuck warning names it;
   * once it goes, the deletion goes on.
   */
  @Test
  void anObjectThatDoesNotGoHoldsTheLaterPhasesAndIsNamedInTheStatus() {
    String ns = readyPipeline("stuck");
    ManagedObject function = firstOfKind(ns, "stuck", "Function");
    String name = function.getMetadata().getName();
    controllers.hold(ns, name);
    try {
      admin.resources(FraudPipeline.class).inNamespace(ns).withName("stuck").delete();
      awaitPending(ns, "stuck", "Function", name, "its controller is still deleting it");
      sleep(RESYNC.multipliedBy(2));
      assertThat(objectsOfKind(ns, "stuck", "Table"))
          .as("the tables wait")
          .isNotEmpty()
          .allMatch(t -> t.getMetadata().getDeletionTimestamp() == null);
      assertThat(conditionOf(get(ns, "stuck").getStatus(), ConditionTypes.READY).getMessage())
          .startsWith("Deleting the functions and the API (phase 2 of 4)");
      Eventually.await(
          "a DeletionStuck warning", PATIENCE, () -> !stuckWarnings(ns, name).isEmpty());
      sleep(STUCK_AFTER.plus(RESYNC.multipliedBy(3)));
      assertThat(stuckWarnings(ns, name))
          .as("one warning, however many passes saw the function held")
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.getType()).isEqualTo("Warning");
                assertThat(e.getCount()).isEqualTo(1);
                assertThat(e.getMessage())
                    .isEqualTo(
                        "Function "
                            + name
                            + " has been deleting for over "
                            + STUCK_AFTER.toSeconds()
                            + " seconds");
              });
    } finally {
      controllers.release(ns, name);
    }
    Eventually.await(
        "the pipeline gone",
        PATIENCE,
        () -> get(ns, "stuck") == null && objects(ns, "stuck").isEmpty());
  }

  // --- pause -------------------------------------------------------------------------------------

  static final String PAUSED = PipelineAnnotations.PAUSED;

  static void setPaused(String namespace, String name, boolean paused) {
    edit(
        namespace,
        name,
        p -> {
          Map<String, String> annotations = new LinkedHashMap<>();
          if (p.getMetadata().getAnnotations() != null) {
            annotations.putAll(p.getMetadata().getAnnotations());
          }
          if (paused) {
            annotations.put(PAUSED, "true");
          } else {
            annotations.remove(PAUSED);
          }
          p.getMetadata().setAnnotations(annotations);
        });
  }

  static String annotation(GenericKubernetesResource object, String key) {
    var annotations = object.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(key);
  }

  /** The operator's writes to the pipeline's objects (not to the pipeline, not events). */
  static List<AuditLog.Entry> objectWrites(String namespace, long mark) {
    return operatorWrites(mark).stream()
        .filter(e -> namespace.equals(e.namespace()))
        .filter(e -> !e.resource().equals("fraudpipelines") && !e.resource().equals("events"))
        .toList();
  }

  static boolean byPauseManager(AuditLog.Entry e) {
    return e.requestUri().contains("fieldManager=fraud-pipeline-operator-pause");
  }

  /**
   * Paused, the operator marks each object once with the controller's own pause and writes nothing
   * else to them, whatever changes: a spec edit, a hand edit; Ready stays as it was and `kubectl
   * get fp` says PAUSED. Lifted, the marks come off and the spec edit is applied, and nothing else.
   */
  @Test
  void aPausedPipelineWritesNothingToItsObjectsAndResumesWithOnlyWhatItsSpecNeeds()
      throws Exception {
    String ns = readyPipeline("pause");
    List<String> names = objects(ns, "pause").stream().map(o -> o.getMetadata().getName()).toList();
    awaitQuiet(Duration.ofSeconds(2));
    long pausing = cluster.auditLog().mark();
    setPaused(ns, "pause", true);
    Eventually.await(
        "Paused, and every object marked for its controller",
        PATIENCE,
        () ->
            hasCondition(get(ns, "pause"), ConditionTypes.PAUSED)
                && objects(ns, "pause").stream()
                    .allMatch(o -> "true".equals(annotation(o, controllerPause()))));
    awaitQuiet(Duration.ofSeconds(2));
    List<AuditLog.Entry> marks = objectWrites(ns, pausing);
    assertThat(marks).as("pause marks only").allMatch(e -> e.verb().equals("patch"));
    assertThat(marks).allMatch(RealServerBackendLifecycleTest::byPauseManager);
    assertThat(marks.stream().map(AuditLog.Entry::name))
        .as("one mark per object")
        .containsExactlyInAnyOrderElementsOf(names);
    FraudPipeline paused = get(ns, "pause");
    assertThat(hasCondition(paused, ConditionTypes.READY)).as("Ready as last known").isTrue();
    Condition pausedCondition = conditionOf(paused.getStatus(), ConditionTypes.PAUSED);
    assertThat(pausedCondition.getReason()).isEqualTo(ConditionReasons.PAUSED);
    assertThat(pausedCondition.getLastTransitionTime()).isNotBlank();
    String[] row =
        cluster
            .kubectl("get", "fp", "pause", "-n", ns)
            .output()
            .lines()
            .toList()
            .get(1)
            .trim()
            .split("\\s+");
    assertThat(row).as("kubectl get fp: NAME READY SUFFIX REGION ENDPOINT PAUSED AGE").hasSize(7);
    assertThat(row[5]).isEqualTo("True");

    long held = cluster.auditLog().mark();
    edit(ns, "pause", p -> p.getSpec().getDeadLetter().setRetentionSeconds(86400));
    ManagedObject queue = firstOfKind(ns, "pause", "Queue");
    editSettings(admin, queue, Map.of(queueRetentionField(), handEditedRetention()));
    sleep(RESYNC.multipliedBy(4));
    assertThat(objectWrites(ns, held)).as("writes while paused").isEmpty();
    assertThat(
            String.valueOf(settings(firstOfKind(ns, "pause", "Queue")).get(queueRetentionField())))
        .as("the hand edit left as it is")
        .isEqualTo(String.valueOf(handEditedRetention()));

    long resuming = cluster.auditLog().mark();
    setPaused(ns, "pause", false);
    Eventually.await(
        "resumed and Ready at the new generation",
        PATIENCE,
        () -> {
          FraudPipeline p = get(ns, "pause");
          return !hasCondition(p, ConditionTypes.PAUSED)
              && hasCondition(p, ConditionTypes.READY)
              && p.getStatus().getObservedGeneration().equals(p.getMetadata().getGeneration());
        });
    awaitQuiet(Duration.ofSeconds(2));
    List<AuditLog.Entry> resumed = objectWrites(ns, resuming);
    assertThat(
            resumed.stream()
                .filter(RealServerBackendLifecycleTest::byPauseManager)
                .map(AuditLog.Entry::name))
        .as("each mark lifted once")
        .containsExactlyInAnyOrderElementsOf(names);
    // (the first update of an object after its create is two writes: see ManagedResourceWriter)
    assertThat(resumed.stream().filter(e -> !byPauseManager(e)))
        .as("the spec edit's writes: the two dead-letter queues' retention, nothing else")
        .allMatch(e -> e.resource().equals("queues") && e.verb().equals("patch"))
        .extracting(AuditLog.Entry::name)
        .containsOnly("pause-processor-dlq", "pause-scorer-dlq");
    assertThat(objects(ns, "pause"))
        .as("no mark left")
        .allMatch(o -> annotation(o, controllerPause()) == null && annotation(o, PAUSED) == null);
  }

  /**
   * Deleting a paused pipeline waits, as a paused Crossplane MR keeps its finalizer: nothing is
   * deleted and the status says why; lifting the pause takes the marks off first, so each
   * controller really deletes (an ACK read-only object would be let go with its AWS resource).
   */
  @Test
  void aPausedPipelineIsDeletedOnceThePauseIsLifted() {
    String ns = readyPipeline("pausedel");
    setPaused(ns, "pausedel", true);
    Eventually.await(
        "every object marked",
        PATIENCE,
        () -> objects(ns, "pausedel").stream().allMatch(o -> "true".equals(annotation(o, PAUSED))));
    List<ManagedObject> before = objects(ns, "pausedel");
    long mark = cluster.auditLog().mark();
    admin.resources(FraudPipeline.class).inNamespace(ns).withName("pausedel").delete();
    Eventually.await(
        "the status says the deletion waits for the pause",
        PATIENCE,
        () -> {
          FraudPipeline p = get(ns, "pausedel");
          return p != null
              && hasCondition(p, ConditionTypes.PAUSED)
              && ConditionReasons.DELETING.equals(
                  conditionOf(p.getStatus(), ConditionTypes.READY).getReason())
              && conditionOf(p.getStatus(), ConditionTypes.READY).getMessage().contains("paused");
        });
    sleep(RESYNC.multipliedBy(2));
    assertThat(objectWrites(ns, mark)).as("nothing deleted while paused").isEmpty();
    assertThat(objects(ns, "pausedel")).hasSameSizeAs(before);

    setPaused(ns, "pausedel", false);
    Eventually.await(
        "the pipeline and its objects gone",
        PATIENCE,
        () -> get(ns, "pausedel") == null && objects(ns, "pausedel").isEmpty());
    List<SimulatedDeletions.Deletion> deletions =
        controllers.deletions().stream().filter(d -> d.namespace().equals(ns)).toList();
    assertThat(deletions)
        .hasSameSizeAs(before)
        .allSatisfy(
            d ->
                assertThat(d.deletedInAws())
                    .as(d.kind() + " " + d.name() + " deleted in AWS")
                    .isEqualTo(!d.kind().equals("Table")));
  }

  // --- outputs -----------------------------------------------------------------------------------

  static ConfigMap outputs(String namespace, String name) {
    return admin.configMaps().inNamespace(namespace).withName(name).get();
  }

  /**
   * The outputs ConfigMap holds what the status reports and the names and ARNs applications need,
   * owned by the pipeline; it follows a changed ARN, is restored after a hand edit or deletion, and
   * goes with the pipeline.
   */
  @Test
  void theOutputsConfigMapFollowsTheStackAndGoesWithThePipeline() {
    String ns = readyPipeline("outputs");
    FraudPipeline ready = get(ns, "outputs");
    Eventually.await(
        "the outputs complete",
        PATIENCE,
        () ->
            outputs(ns, "outputs-outputs") != null
                && outputs(ns, "outputs-outputs").getData().containsKey("PROCESSOR_DLQ_URL"));
    ConfigMap configMap = outputs(ns, "outputs-outputs");
    assertThat(configMap.getData())
        .containsEntry("REGION", "us-east-1")
        .containsEntry("API_ENDPOINT", ready.getStatus().getApiEndpoint())
        .containsEntry("ALERT_TOPIC_ARN", ready.getStatus().getAlertTopicArn())
        .containsEntry("TRANSACTIONS_TABLE", ready.getStatus().getTransactionsTable())
        .containsEntry("FRAUD_SCORES_TABLE", ready.getStatus().getFraudScoresTable())
        .containsKeys(
            "TRANSACTIONS_TABLE_ARN",
            "TRANSACTIONS_STREAM_ARN",
            "FRAUD_SCORES_TABLE_ARN",
            "ALARM_TOPIC_ARN",
            "PROCESSOR_FUNCTION_NAME",
            "PROCESSOR_ARN",
            "SCORER_FUNCTION_NAME",
            "SCORER_ARN",
            "SCORER_DLQ_URL");
    assertThat(configMap.getData().keySet()).allMatch(k -> k.matches("[A-Z][A-Z0-9_]*"));
    assertThat(configMap.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(o -> assertThat(o.getUid()).isEqualTo(ready.getMetadata().getUid()));

    ManagedObject alerts =
        objectsOfKind(ns, "outputs", "Topic").stream()
            .filter(t -> t.getMetadata().getName().equals("outputs-alerts"))
            .findFirst()
            .orElseThrow();
    String newArn = ready.getStatus().getAlertTopicArn() + "-recreated";
    reportArn(alerts, newArn);
    Eventually.await(
        "the ConfigMap follows the reported ARN",
        PATIENCE,
        () -> newArn.equals(outputs(ns, "outputs-outputs").getData().get("ALERT_TOPIC_ARN")));

    admin
        .configMaps()
        .inNamespace(ns)
        .withName("outputs-outputs")
        .edit(
            c -> {
              c.getData().put("API_ENDPOINT", "https://example.invalid");
              return c;
            });
    Eventually.await(
        "a hand edit undone",
        PATIENCE,
        () ->
            ready
                .getStatus()
                .getApiEndpoint()
                .equals(outputs(ns, "outputs-outputs").getData().get("API_ENDPOINT")));
    admin.configMaps().inNamespace(ns).withName("outputs-outputs").delete();
    Eventually.await("re-created", PATIENCE, () -> outputs(ns, "outputs-outputs") != null);

    edit(
        ns,
        "outputs",
        p -> {
          OutputsSpec names = new OutputsSpec();
          names.setConfigMapName("fraud-env");
          p.getSpec().setOutputs(names);
        });
    Eventually.await(
        "the ConfigMap under its new name, the old one gone",
        PATIENCE,
        () -> outputs(ns, "fraud-env") != null && outputs(ns, "outputs-outputs") == null);

    admin.resources(FraudPipeline.class).inNamespace(ns).withName("outputs").delete();
    Eventually.await(
        "the ConfigMap gone with the pipeline",
        PATIENCE,
        () -> get(ns, "outputs") == null && outputs(ns, "fraud-env") == null);
  }

  /** Makes the controller report another ARN for the object, as after a re-create in AWS. */
  @SuppressWarnings("unchecked")
  void reportArn(GenericKubernetesResource object, String arn) {
    controllerClient
        .genericKubernetesResources(object.getApiVersion(), object.getKind())
        .inNamespace(object.getMetadata().getNamespace())
        .withName(object.getMetadata().getName())
        .editStatus(
            o -> {
              Map<String, Object> status =
                  (Map<String, Object>) o.getAdditionalProperties().get("status");
              arnHolder(status).put("arn", arn);
              return o;
            });
  }

  /** The part of this backend's status that holds an object's ARN. */
  abstract Map<String, Object> arnHolder(Map<String, Object> status);
}
