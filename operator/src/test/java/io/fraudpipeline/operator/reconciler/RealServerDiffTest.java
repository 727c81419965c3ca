package io.fraudpipeline.operator.reconciler;

import static io.fraudpipeline.operator.reconciler.RealServerBackendLifecycleTest.PATIENCE;
import static io.fraudpipeline.operator.reconciler.RealServerBackendLifecycleTest.RESYNC;
import static io.fraudpipeline.operator.reconciler.RealServerBackendLifecycleTest.awaitQuiet;
import static io.fraudpipeline.operator.reconciler.RealServerBackendLifecycleTest.awaitReady;
import static io.fraudpipeline.operator.reconciler.RealServerBackendLifecycleTest.edit;
import static io.fraudpipeline.operator.reconciler.RealServerBackendLifecycleTest.setPaused;
import static io.fraudpipeline.operator.reconciler.RealServerBackendLifecycleTest.sleep;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.StartingPosition;
import io.fraudpipeline.operator.backend.StackBackend;
import io.fraudpipeline.operator.cli.CliRun;
import io.fraudpipeline.operator.cli.LauncherJar;
import io.fraudpipeline.operator.runtime.InstalledBackends;
import io.fraudpipeline.operator.stack.ManagedKind;
import io.fraudpipeline.operator.stack.ObservedObjects;
import io.fraudpipeline.testing.cluster.AuditLog;
import io.fraudpipeline.testing.cluster.ControlPlane;
import io.fraudpipeline.testing.cluster.Eventually;
import io.fraudpipeline.testing.crd.ProjectPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code diff} on a real kube-apiserver, for each backend: run as a user bound to the read-only
 * ClusterRole of examples/rbac and nothing else, against pipelines the operator (as production runs
 * it) reconciles with the backend's controllers simulated. Every run's writes are counted in the
 * audit log: there are none.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RealServerDiffTest {

  static final Path READ_ONLY_ROLE =
      ProjectPaths.root().resolve("examples/rbac/fraudpipeline-diff-clusterrole.yaml");

  /** The backend's lifecycle test, whose seed, kinds and CRDs these tests share. */
  abstract RealServerBackendLifecycleTest backend();

  /** Where the backend's objects carry the AWS settings: spec.forProvider, or spec. */
  abstract String settingsPath();

  /** The group of the backend's Lambda kinds. */
  abstract String lambdaGroup();

  /** The kubeconfigs and the pipelines' files. */
  private Path dir;

  ControlPlane cluster;
  KubernetesClient admin;
  private RealServerBackendLifecycleTest backend;
  private KubernetesClient controllerClient;
  private SimulatedDeletions controllers;
  private ProductionOperator operator;
  private final Set<String> namespaces = new LinkedHashSet<>();
  private Path viewerKubeconfig;
  private String viewer;
  private long start;

  @BeforeAll
  void start() throws Exception {
    dir = Files.createTempDirectory("diff");
    cluster = ControlPlane.shared();
    admin = cluster.client();
    RealServerBackendLifecycleTest.cluster = cluster;
    RealServerBackendLifecycleTest.admin = admin;
    backend = backend();
    backend.installCrds();
    RealServerBackendLifecycleTest.namespace("fraud-system");
    var controllerConfig =
        cluster.configForUser(RealServerBackendLifecycleTest.PROVIDER_USER, "system:masters");
    controllerConfig.setUserAgent("simulated-controllers/1.0");
    controllerClient = new KubernetesClientBuilder().withConfig(controllerConfig).build();
    controllers = backend.simulatedControllers(controllerClient);
    startOperator();
    viewer = "diff-viewer-" + backend.prefix();
    viewerKubeconfig = userBoundTo(viewer, readOnlyRole("fraudpipeline-diff-" + backend.prefix()));
    start = cluster.auditLog().mark();
  }

  private void startOperator() throws Exception {
    operator = RealServerBackendLifecycleTest.operatorAsCharted("operator-diff");
  }

  @AfterAll
  void stop() throws Exception {
    if (operator != null) {
      operator.close();
    }
    try {
      RealServerBackendLifecycleTest.deleteNamespaces(namespaces);
    } finally {
      controllers.close();
      controllerClient.close();
    }
    assertThat(cluster.auditLog().writesBy(viewer, start))
        .as("writes by the diff's user over the whole class")
        .isEmpty();
  }

  /** The example's ClusterRole, under another name. */
  static ClusterRole readOnlyRole(String name) throws Exception {
    ClusterRole role = Serialization.unmarshal(Files.readString(READ_ONLY_ROLE), ClusterRole.class);
    role.getMetadata().setName(name);
    return role;
  }

  /** A kubeconfig of a user in no group, bound cluster-wide to this role and nothing else. */
  Path userBoundTo(String user, ClusterRole role) throws Exception {
    admin.resource(role).serverSideApply();
    admin
        .resource(
            new ClusterRoleBindingBuilder()
                .withNewMetadata()
                .withName(role.getMetadata().getName())
                .endMetadata()
                .withNewRoleRef()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("ClusterRole")
                .withName(role.getMetadata().getName())
                .endRoleRef()
                .addNewSubject()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("User")
                .withName(user)
                .endSubject()
                .build())
        .serverSideApply();
    return cluster.writeKubeconfig(dir.resolve(user + ".kubeconfig"), user);
  }

  String ns(String scenario) {
    String name = backend.prefix() + "-diff-" + scenario;
    namespaces.add(name);
    RealServerBackendLifecycleTest.namespace(name);
    return name;
  }

  /** {@code diff} as the read-only user runs it. */
  CliRun diff(String... args) {
    return diffAs(viewerKubeconfig, args);
  }

  static CliRun diffAs(Path kubeconfig, String... args) {
    List<String> full = new ArrayList<>(List.of("diff", "--kubeconfig", kubeconfig.toString()));
    full.addAll(List.of(args));
    CliRun result = CliRun.of(full.toArray(String[]::new));
    // the docs quote these runs: what a user sees, printed where the build log keeps it
    System.out.println("$ diff " + String.join(" ", args) + "\n" + result.out() + result.err());
    return result;
  }

  Path file(FraudPipeline pipeline) throws Exception {
    Path file = dir.resolve(pipeline.getMetadata().getName() + ".yaml");
    Files.writeString(file, Serialization.asYaml(pipeline));
    return file;
  }

  String readyPipeline(String scenario) {
    String ns = ns(scenario);
    admin.resource(backend.seed(ns, scenario)).create();
    awaitReady(ns, scenario);
    return ns;
  }

  /** The edits a user makes: bigger processor, stream from its start, one subscription less. */
  static void edits(FraudPipeline p) {
    p.getSpec().getFunctions().getProcessor().setMemoryMb(1024);
    p.getSpec().getStream().setStartingPosition(StartingPosition.TRIM_HORIZON);
    p.getSpec().getAlerts().getSubscriptions().remove(1);
  }

  @Test
  void beforeTheCreateEveryObjectIsACreateAndOnceReadyNothingChanges() throws Exception {
    String ns = ns("new");
    FraudPipeline pipeline = backend.seed(ns, "fresh");
    Path file = file(pipeline);
    long mark = cluster.auditLog().mark();

    CliRun before = diff("-f", file.toString());

    StackBackend target = InstalledBackends.all().of(pipeline);
    int total = target.render(pipeline, ObservedObjects.none()).total();
    assertThat(before.exitCode()).as(before.err()).isEqualTo(1);
    assertThat(before.lines().get(0))
        .isEqualTo(
            "FraudPipeline "
                + ns
                + "/fresh ("
                + target.id().value()
                + "): "
                + total
                + " to create");
    assertThat(before.changes().stream().filter(l -> !l.startsWith("    ")).skip(1))
        .hasSize(total)
        .allSatisfy(l -> assertThat(l).startsWith("+ create ").contains(" " + ns + "/fresh-"));

    admin.resource(pipeline).create();
    FraudPipeline ready = awaitReady(ns, "fresh");
    awaitQuiet(java.time.Duration.ofSeconds(2));

    CliRun named = diff("fp/fresh", "-n", ns);
    CliRun fromFile = diff("-f", file.toString());

    String unchanged =
        "FraudPipeline "
            + ns
            + "/fresh ("
            + target.id().value()
            + "): no changes, "
            + ready.getStatus().getResources().getTotal()
            + " objects as the spec wants them";
    assertThat(named.exitCode()).as(named.out() + named.err()).isZero();
    assertThat(named.changes()).containsExactly(unchanged);
    assertThat(fromFile.exitCode()).as("the file as applied: " + fromFile.out()).isZero();
    assertThat(fromFile.changes()).containsExactly(unchanged);

    // a new suffix would re-create every AWS resource, the tables empty: refused, as it is stalled
    pipeline.getSpec().setEnvironmentSuffix("renamed");
    CliRun renamed = diff("-f", file(pipeline).toString());
    assertThat(renamed.exitCode()).isEqualTo(2);
    assertThat(renamed.err())
        .startsWith(
            "error: spec.environmentSuffix: the stack exists with suffix '"
                + ready.getStatus().getEnvironmentSuffix()
                + "'");
    assertReadOnly(mark, ns);
  }

  @Test
  void specEditsShowAsAnUpdateAReplacementAndADeleteAndOnceAppliedNothingIsLeftToWrite()
      throws Exception {
    String ns = readyPipeline("edits");
    FraudPipeline edited = backend.seed(ns, "edits");
    edits(edited);
    long mark = cluster.auditLog().mark();

    CliRun planned = diff("-f", file(edited).toString());

    assertThat(planned.exitCode()).as(planned.err()).isEqualTo(1);
    List<String> lines = planned.lines();
    assertThat(lines)
        .containsSubsequence(
            "~ update Function." + lambdaGroup() + " " + ns + "/edits-processor",
            "    " + settingsPath() + ".memorySize: 512 -> 1024");
    int replace =
        indexStarting(
            lines,
            "-/+ replace EventSourceMapping."
                + lambdaGroup()
                + " "
                + ns
                + "/edits-processor-stream");
    assertThat(lines.subList(replace, lines.size()))
        .contains(
            "    "
                + settingsPath()
                + ".startingPosition: LATEST -> TRIM_HORIZON (cannot change in place)",
            "    cost: the new mapping reads the stream from TRIM_HORIZON: every record still in"
                + " the stream (up to 24 hours) is processed again");
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("- delete " + backend.subscriptionKind() + ".sns.")
                    .contains(" " + ns + "/edits-alerts-sub-"));
    assertThat(lines.get(0)).contains("1 to replace", "1 to delete");
    assertReadOnly(mark, ns);

    edit(ns, "edits", RealServerDiffTest::edits);
    awaitReady(ns, "edits");
    Eventually.await(
        "diff has nothing left once the operator applied the edit",
        PATIENCE,
        () -> diff("fp/edits", "-n", ns).exitCode() == 0);
    awaitQuiet(java.time.Duration.ofSeconds(2));
    long steady = cluster.auditLog().mark();
    sleep(RESYNC.multipliedBy(3));
    assertThat(operatorWritesIn(ns, steady))
        .as("the operator's writes over three resyncs once diff says no changes")
        .isEmpty();
    assertThat(diff("-f", file(edited).toString()).exitCode()).isZero();
  }

  @Test
  void aHandEditedObjectOfAPausedPipelineShowsAsAnUpdateBackToTheSpec() throws Exception {
    String ns = readyPipeline("drift");
    // the operator would put the edit right at once: it is stopped while the object drifts
    operator.close();
    operator = null;
    try {
      setPaused(ns, "drift", true);
      GenericKubernetesResource queue =
          backend.objectsOfKind(ns, "drift", "Queue").stream()
              .filter(q -> q.getMetadata().getName().equals("drift-processor-dlq"))
              .findFirst()
              .orElseThrow();
      Object retention = backend.settings(queue).get(backend.queueRetentionField());
      backend.editSettings(
          admin, queue, Map.of(backend.queueRetentionField(), backend.handEditedRetention()));
      long mark = cluster.auditLog().mark();

      CliRun drift = diff("fp/drift", "-n", ns);

      assertThat(drift.exitCode()).isEqualTo(1);
      assertThat(drift.changes())
          .containsExactly(
              "FraudPipeline "
                  + ns
                  + "/drift is paused (fraudpipeline.io/paused: \"true\"): nothing is applied"
                  + " until the annotation is removed; on resume:",
              drift.changes().get(1),
              "~ update Queue."
                  + queue.getApiVersion().substring(0, queue.getApiVersion().indexOf('/'))
                  + " "
                  + ns
                  + "/drift-processor-dlq",
              "    "
                  + settingsPath()
                  + "."
                  + backend.queueRetentionField()
                  + ": "
                  + Serialization.asJson(backend.handEditedRetention())
                  + " -> "
                  + Serialization.asJson(retention));
      assertThat(drift.changes().get(1)).contains("1 to update");
      assertReadOnly(mark, ns);
    } finally {
      setPaused(ns, "drift", false);
      if (operator == null) {
        startOperator();
      }
    }
    Eventually.await(
        "the operator puts the hand edit right, and diff has nothing left",
        PATIENCE,
        () -> diff("fp/drift", "-n", ns).exitCode() == 0);
  }

  @Test
  void aUserWhoMayNotListOneKindIsToldTheVerbAndKindAndAnInvalidSpecNamesTheField()
      throws Exception {
    String ns = ns("refusals");
    ManagedKind functions =
        InstalledBackends.all().of(backend.seed(ns, "x")).kinds().stream()
            .filter(k -> k.kind().equals("Function"))
            .findFirst()
            .orElseThrow();
    ClusterRole partial = readOnlyRole("fraudpipeline-diff-partial-" + backend.prefix());
    for (PolicyRule rule : partial.getRules()) {
      if (rule.getApiGroups().contains(functions.group())) {
        rule.setResources(
            rule.getResources().stream().filter(r -> !r.equals(functions.plural())).toList());
      }
    }
    Path partialUser = userBoundTo("diff-partial-" + backend.prefix(), partial);
    FraudPipeline pipeline = backend.seed(ns, "refused");
    long mark = cluster.auditLog().mark();

    CliRun denied = diffAs(partialUser, "-f", file(pipeline).toString());

    assertThat(denied.exitCode()).isEqualTo(2);
    assertThat(denied.out()).isEmpty();
    assertThat(denied.err())
        .isEqualTo(
            "error: cannot list "
                + functions.plural()
                + "."
                + functions.group()
                + " in namespace "
                + ns
                + ": forbidden\n");

    pipeline.getSpec().getScoring().setElevatedAmount(20000.0);
    CliRun invalid = diff("-f", file(pipeline).toString());
    assertThat(invalid.exitCode()).isEqualTo(2);
    assertThat(invalid.err())
        .isEqualTo("error: spec.scoring.elevatedAmount: must not exceed highAmount\n");

    CliRun missing = diff("fp/nope", "-n", ns);
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).isEqualTo("error: FraudPipeline " + ns + "/nope not found\n");
    assertThat(cluster.auditLog().writesBy("diff-partial-" + backend.prefix(), mark)).isEmpty();
    assertReadOnly(mark, ns);
  }

  @Test
  void kubectlRunsTheLauncherAsThePluginFraudpipelineWithTheArgumentsAsGiven() throws Exception {
    String ns = ns("plugin");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Files.copy(LauncherJar.script(), bin.resolve("kubectl-fraudpipeline"));
    bin.resolve("kubectl-fraudpipeline").toFile().setExecutable(true);
    ProcessBuilder kubectl =
        new ProcessBuilder(
            cluster.kubectlBinary().toString(),
            "fraudpipeline",
            "diff",
            "fp/payments",
            "-n",
            ns,
            "--kubeconfig",
            viewerKubeconfig.toString());
    kubectl.environment().put("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));
    kubectl.environment().put("FRAUDPIPELINE_JAR", LauncherJar.in(dir).toString());
    long mark = cluster.auditLog().mark();

    Process p = kubectl.start();
    p.getOutputStream().close();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    String err =
        new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

    assertThat(p.waitFor()).as(out + err).isEqualTo(2);
    assertThat(err).isEqualTo("error: FraudPipeline " + ns + "/payments not found\n");
    assertReadOnly(mark, ns);
  }

  /** The diff's user wrote nothing, and did read the pipeline's objects. */
  private void assertReadOnly(long mark, String ns) {
    List<AuditLog.Entry> since = cluster.auditLog().since(mark);
    assertThat(cluster.auditLog().writesBy(viewer, mark)).as("writes by " + viewer).isEmpty();
    assertThat(since)
        .as("what the diff's user asked")
        .filteredOn(e -> e.user().equals(viewer))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.verb()).isEqualTo("list"))
        .anySatisfy(e -> assertThat(e.namespace()).isEqualTo(ns));
  }

  private static List<AuditLog.Entry> operatorWritesIn(String ns, long mark) {
    return RealServerBackendLifecycleTest.operatorWrites(mark).stream()
        .filter(e -> e.namespace().equals(ns))
        .toList();
  }

  private static int indexStarting(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no line starts with " + prefix + " in\n" + String.join("\n", lines));
  }
}
