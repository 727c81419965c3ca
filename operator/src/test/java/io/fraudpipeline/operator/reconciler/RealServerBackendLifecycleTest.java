package io.fraudpipeline.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fraudpipeline.api.v1alpha1.ConditionReasons;
import io.fraudpipeline.api.v1alpha1.ConditionTypes;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.FraudPipelineStatus;
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

  /** JOSDK's finalizer name for the kind: its plural and group. */
  static final String PIPELINE_FINALIZER = "fraudpipelines.fraudpipeline.io/finalizer";

  static ControlPlane cluster;
  static KubernetesClient admin;

  /** The client the simulated controllers write with, as {@link #PROVIDER_USER}. */
  KubernetesClient controllerClient;

  SimulatedDeletions controllers;
  private ProductionOperator operator;
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

  /** The operator as the chart runs it, in pod {@code podName} of fraud-system, short resync. */
  static ProductionOperator operatorAsCharted(String podName) throws Exception {
    return new ProductionOperator(
        cluster.configForUser(OPERATOR_USER, "system:masters"),
        ProductionOperator.chartEnvironment("fraud-system", podName),
        RESYNC);
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

    List<AuditLog.Entry> log =
        cluster.auditLog().since(mark).stream()
            .filter(e -> e.isWrite() && e.code() < 300 && ns.equals(e.namespace()))
            .toList();
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
        .as("nothing left for the garbage collector")
        .noneMatch(
            e ->
                e.user().equals(ControlPlane.CONTROLLER_MANAGER_USER) && e.verb().equals("delete"));
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
   * An object whose deletion never finishes holds the later phases, and the status names it; once
   * it goes, the deletion goes on.
   */
  @Test
  void anObjectThatDoesNotGoHoldsTheLaterPhasesAndIsNamedInTheStatus() {
    String ns = readyPipeline("stuck");
    ManagedObject function = firstOfKind(ns, "stuck", "Function");
    String name = function.getMetadata().getName();
    controllers.hold(ns, name);
    try {
      admin.resources(FraudPipeline.class).inNamespace(ns).withName("stuck").delete();
      Eventually.await(
          "the status names the function",
          PATIENCE,
          () -> {
            FraudPipeline p = get(ns, "stuck");
            return p != null
                && p.getStatus().getPending().stream()
                    .anyMatch(
                        r ->
                            r.getName().equals(name)
                                && r.getReason().equals("its controller is still deleting it"));
          },
          () -> Serialization.asJson(get(ns, "stuck").getStatus()));
      sleep(RESYNC.multipliedBy(2));
      assertThat(objectsOfKind(ns, "stuck", "Table"))
          .as("the tables wait")
          .isNotEmpty()
          .allMatch(t -> t.getMetadata().getDeletionTimestamp() == null);
      assertThat(conditionOf(get(ns, "stuck").getStatus(), ConditionTypes.READY).getMessage())
          .startsWith("Deleting the functions and the API (phase 2 of 4)");
    } finally {
      controllers.release(ns, name);
    }
    Eventually.await(
        "the pipeline gone",
        PATIENCE,
        () -> get(ns, "stuck") == null && objects(ns, "stuck").isEmpty());
  }
}
