package io.fraudpipeline.operator.reconciler;

import static io.fraudpipeline.operator.reconciler.SimulatedAckController.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fraudpipeline.api.v1alpha1.Authorization;
import io.fraudpipeline.api.v1alpha1.Backend;
import io.fraudpipeline.api.v1alpha1.ConditionReasons;
import io.fraudpipeline.api.v1alpha1.ConditionTypes;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.FraudPipelineStatus;
import io.fraudpipeline.operator.ack.AckKinds;
import io.fraudpipeline.operator.stack.ManagedKind;
import io.fraudpipeline.operator.stack.ManagedObject;
import io.fraudpipeline.testing.cluster.ControlPlane;
import io.fraudpipeline.testing.cluster.Eventually;
import io.fraudpipeline.testing.crd.ProjectPaths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shared real-server lifecycle with ACK objects and {@link SimulatedAckController} playing the
 * ACK controllers; plus what only ACK does: Terminal and Recoverable conditions, throttling it
 * cannot express, and the CRD rule that keeps {@code spec.backend} from changing. The server has
 * both backends' CRDs, as one running pipelines of both would.
 */
class RealServerAckLifecycleTest extends RealServerBackendLifecycleTest {

  private SimulatedAckController ack;

  @Override
  void installCrds() throws java.io.IOException {
    RealServerLifecycleTest.installCrds(cluster);
    cluster.applyCrds(ControlPlane.yamlFiles(ProjectPaths.ackCrds()));
  }

  @Override
  SimulatedDeletions simulatedControllers(KubernetesClient client) {
    ack = new SimulatedAckController(client);
    return ack;
  }

  @Override
  String prefix() {
    return "ack";
  }

  @Override
  String controllerPause() {
    return SimulatedAckController.READ_ONLY;
  }

  @Override
  @SuppressWarnings("unchecked")
  Map<String, Object> arnHolder(Map<String, Object> status) {
    return (Map<String, Object>) status.get("ackResourceMetadata");
  }

  /** The Crossplane tests' seed on ACK, with IAM authorization (ACK refuses API_KEY). */
  @Override
  FraudPipeline seed(String namespace, String name) {
    FraudPipeline p = RealServerLifecycleTest.pipeline(namespace, name);
    p.getSpec().setBackend(Backend.ACK);
    p.getSpec().getApi().setAuthorization(Authorization.AWS_IAM);
    return p;
  }

  @Override
  List<ManagedKind> kinds() {
    return AckKinds.all();
  }

  @Override
  @SuppressWarnings("unchecked")
  Map<String, Object> settings(GenericKubernetesResource object) {
    return (Map<String, Object>) object.getAdditionalProperties().get("spec");
  }

  /** A map, or a list of {@code {key, value}} by kind (Table, Topic, Role, MetricAlarm). */
  @Override
  Map<String, Object> tagsOf(GenericKubernetesResource object) {
    Object tags = settings(object).get("tags");
    if (tags instanceof List<?> list) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Object entry : list) {
        Map<?, ?> tag = (Map<?, ?>) entry;
        map.put(String.valueOf(tag.get("key")), tag.get("value"));
      }
      return map;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) tags;
    return map;
  }

  @Override
  String subscriptionKind() {
    return "Subscription";
  }

  /** No kind exists only for a setting ACK can express and the seed has. */
  @Override
  List<String> editRemovingKinds(FraudPipeline pipeline) {
    return List.of();
  }

  @Override
  GenericKubernetesResource foreignQueue(String namespace, String name) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("sqs.services.k8s.aws/v1alpha1")
        .withKind("Queue")
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .endMetadata()
        .addToAdditionalProperties("spec", Map.of("queueName", "someone-elses-" + name))
        .build();
  }

  @Override
  String queueRetentionField() {
    return "messageRetentionPeriod";
  }

  /** Every SQS attribute is a string in ACK's Queue. */
  @Override
  Object handEditedRetention() {
    return "60";
  }

  /** The simulated controller late-initialized the queue's defaults when it first synced it. */
  @Override
  Map<String, Object> lateInitialize(GenericKubernetesResource queue) {
    assertThat(settings(queue)).containsAllEntriesOf(SimulatedAckController.QUEUE_DEFAULTS);
    return SimulatedAckController.QUEUE_DEFAULTS;
  }

  /** Retain: ACK drops the finalizer without DeleteTable, and DynamoDB would refuse one. */
  @Override
  void assertRetained(GenericKubernetesResource table) {
    assertThat(table.getMetadata().getAnnotations())
        .containsEntry(SimulatedAckController.DELETION_POLICY, "retain");
    assertThat(settings(table)).containsEntry("deletionProtectionEnabled", true);
  }

  /**
   * Makes one object of a Ready pipeline fail with these conditions and waits for the pipeline
   * condition; returns the pipeline's status then.
   */
  @SafeVarargs
  private FraudPipelineStatus failOne(
      String scenario, String object, String awaited, Map<String, Object>... conditions) {
    String ns = readyPipeline(scenario);
    ack.fail(ns, object, conditions);
    Eventually.await(
        awaited,
        PATIENCE,
        () -> hasCondition(get(ns, scenario), awaited),
        () -> String.valueOf(get(ns, scenario).getStatus().getConditions()));
    return get(ns, scenario).getStatus();
  }

  @Test
  void aTerminalObjectStallsThePipelineWithItsMessageUntilItRecovers() {
    FraudPipelineStatus stalled =
        failOne(
            "terminal",
            "terminal-transactions",
            ConditionTypes.STALLED,
            condition("ACK.Terminal", "True", "ValidationException: One or more parameter values"),
            condition("ACK.ResourceSynced", "False", "resource is in terminal condition"));

    assertThat(conditionOf(stalled, ConditionTypes.STALLED).getMessage())
        .isEqualTo(
            "Table terminal-transactions: ACK.Terminal: ValidationException: One or more"
                + " parameter values");
    assertThat(conditionOf(stalled, ConditionTypes.STALLED).getReason())
        .isEqualTo("ManagedResourceTerminal");
    assertThat(isTrue(stalled, ConditionTypes.READY)).isFalse();
    assertThat(isTrue(stalled, ConditionTypes.RECONCILING)).isFalse();
    assertThat(admin.v1().events().inNamespace("ack-terminal").list().getItems())
        .as("Events stored by the server")
        .anyMatch(
            e ->
                "ManagedResourceTerminal".equals(e.getReason())
                    && e.getMessage().contains("terminal-transactions"));

    ack.recover("ack-terminal", "terminal-transactions");
    awaitReady("ack-terminal", "terminal");
  }

  @Test
  void aRecoverableErrorKeepsThePipelineReconcilingWithTheMessageInPending() {
    FraudPipelineStatus status =
        failOne(
            "recoverable",
            "recoverable-api-stage",
            ConditionTypes.RECONCILING,
            condition("ACK.Recoverable", "True", "AccessDeniedException: not authorized"),
            condition("ACK.ResourceSynced", "Unknown", ""));

    assertThat(isTrue(status, ConditionTypes.STALLED)).isFalse();
    assertThat(status.getPending())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getName()).isEqualTo("recoverable-api-stage");
              assertThat(p.getReason())
                  .isEqualTo("ACK.Recoverable: AccessDeniedException: not authorized");
            });

    ack.recover("ack-recoverable", "recoverable-api-stage");
    awaitReady("ack-recoverable", "recoverable");
  }

  /**
   * ACK's Terminal condition on an object its controller fails to delete is what the pipeline's
   * status.pending says of it while the deletion waits.
   */
  @Test
  void anObjectAckFailsToDeleteIsPendingWithItsTerminalMessage() {
    String ns = readyPipeline("undeletable");
    String function = firstOfKind(ns, "undeletable", "Function").getMetadata().getName();
    String message = "ResourceConflictException: The operation cannot be performed at this time";
    ack.failDeletion(ns, function, message);
    try {
      admin.resources(FraudPipeline.class).inNamespace(ns).withName("undeletable").delete();
      awaitPending(ns, "undeletable", "Function", function, "ACK.Terminal: " + message);
      FraudPipelineStatus deleting = get(ns, "undeletable").getStatus();
      assertThat(conditionOf(deleting, ConditionTypes.READY).getReason())
          .isEqualTo(ConditionReasons.DELETING);
      assertThat(conditionOf(deleting, ConditionTypes.READY).getMessage())
          .startsWith("Deleting the functions and the API (phase 2 of 4)");
      assertThat(objectsOfKind(ns, "undeletable", "Table"))
          .as("the tables wait for it")
          .allMatch(t -> t.getMetadata().getDeletionTimestamp() == null);
    } finally {
      ack.recoverDeletion(ns, function);
    }
    Eventually.await(
        "the pipeline gone once the controller deletes the function",
        PATIENCE,
        () -> get(ns, "undeletable") == null && objects(ns, "undeletable").isEmpty());
  }

  @Test
  void theServerRefusesAnEditOfTheBackendWithTheRulesMessage() {
    String ns = readyPipeline("backend");
    FraudPipeline ready = get(ns, "backend");

    KubernetesClientException refused =
        catchThrowableOfType(
            KubernetesClientException.class,
            () ->
                admin
                    .resources(FraudPipeline.class)
                    .inNamespace(ns)
                    .withName("backend")
                    .edit(
                        p -> {
                          p.getSpec().setBackend(Backend.CROSSPLANE);
                          return p;
                        }));

    assertThat(refused).as("the edit is refused").isNotNull();
    assertThat(refused.getCode()).isEqualTo(422);
    assertThat(refused.getStatus().getMessage())
        .contains("spec.backend")
        .contains("backend is immutable: changing it would re-create every AWS resource");
    FraudPipeline after = get(ns, "backend");
    assertThat(after.getSpec().getBackend()).isEqualTo(Backend.ACK);
    assertThat(after.getMetadata().getGeneration()).isEqualTo(ready.getMetadata().getGeneration());
    assertThat(RealServerLifecycleTest.mrs(ns, "backend")).as("Crossplane MRs").isEmpty();
  }

  @Test
  void throttlingIsReportedAsUnsupportedInStatusAndAnEvent() {
    String ns = readyPipeline("throttling");
    FraudPipeline ready = get(ns, "throttling");

    assertThat(ready.getStatus().getUnsupported())
        .anySatisfy(
            u -> {
              assertThat(u.getField()).isEqualTo("spec.api.throttling");
              assertThat(u.getReason()).contains("rate 1000.0/s, burst 2000");
            });
    assertThat(admin.v1().events().inNamespace(ns).list().getItems())
        .as("Events stored by the server")
        .anyMatch(
            e ->
                "UnsupportedSettings".equals(e.getReason())
                    && e.getMessage().startsWith("Backend ACK cannot apply: ")
                    && e.getMessage().contains("spec.api.throttling"));
    assertThat(RealServerLifecycleTest.mrs(ns, "throttling")).as("Crossplane MRs").isEmpty();
  }

  /** API_KEY passes the CRD but not ACK: the server stores it, the operator must refuse it. */
  @Test
  void aSpecTheBackendCannotActOnStallsWithAPreciseMessageTouchesNothingAndAFixRecovers() {
    String ns = readyPipeline("unfit");
    Map<String, String> versions = resourceVersions(objects(ns, "unfit"));

    edit(ns, "unfit", p -> p.getSpec().getApi().setAuthorization(Authorization.API_KEY));

    Eventually.await(
        "Stalled", PATIENCE, () -> hasCondition(get(ns, "unfit"), ConditionTypes.STALLED));
    FraudPipelineStatus stalled = get(ns, "unfit").getStatus();
    assertThat(conditionOf(stalled, ConditionTypes.STALLED).getMessage())
        .startsWith("spec.api.authorization: API_KEY is not supported with backend ACK");
    assertThat(conditionOf(stalled, ConditionTypes.STALLED).getReason())
        .isEqualTo(ConditionReasons.INVALID_SPEC);
    assertThat(conditionOf(stalled, ConditionTypes.READY).getStatus()).isEqualTo("False");
    assertThat(conditionOf(stalled, ConditionTypes.RECONCILING).getStatus()).isEqualTo("False");
    assertThat(resourceVersions(objects(ns, "unfit"))).as("no object touched").isEqualTo(versions);
    assertThat(admin.v1().events().inNamespace(ns).list().getItems())
        .anyMatch(
            e ->
                ConditionReasons.INVALID_SPEC.equals(e.getReason())
                    && "Warning".equals(e.getType()));

    edit(ns, "unfit", p -> p.getSpec().getApi().setAuthorization(Authorization.AWS_IAM));
    awaitReady(ns, "unfit");
    assertThat(hasCondition(get(ns, "unfit"), ConditionTypes.STALLED)).isFalse();
  }

  /**
   * The CRD keeps spec.backend from changing, but a pipeline deleted with its objects orphaned and
   * made again on the other backend finds the first backend's objects: it must not build a second
   * stack beside them.
   */
  @Test
  void aPipelineMadeAgainOnAnotherBackendOverItsOrphanedObjectsStallsAndCreatesNothing() {
    String ns = readyPipeline("orphans");
    int orphans = objects(ns, "orphans").size();
    admin
        .resources(FraudPipeline.class)
        .inNamespace(ns)
        .withName("orphans")
        .withPropagationPolicy(DeletionPropagation.ORPHAN)
        .delete();
    Eventually.await("the pipeline gone", PATIENCE, () -> get(ns, "orphans") == null);

    FraudPipeline again = RealServerLifecycleTest.pipeline(ns, "orphans");
    admin.resource(again).create();

    Eventually.await(
        "Stalled", PATIENCE, () -> hasCondition(get(ns, "orphans"), ConditionTypes.STALLED));
    assertThat(conditionOf(get(ns, "orphans").getStatus(), ConditionTypes.STALLED).getMessage())
        .startsWith("spec.backend: is Crossplane but this pipeline's ")
        .contains("was made by another backend");
    assertThat(RealServerLifecycleTest.mrs(ns, "orphans")).as("Crossplane MRs").isEmpty();
    assertThat(objects(ns, "orphans")).as("the ACK objects").hasSize(orphans);
    admin.resource(again).delete();
  }

  private static Map<String, String> resourceVersions(List<ManagedObject> objects) {
    Map<String, String> out = new LinkedHashMap<>();
    objects.forEach(
        o ->
            out.put(
                o.getKind() + "/" + o.getMetadata().getName(),
                o.getMetadata().getResourceVersion()));
    return out;
  }
}
