package io.fraudpipeline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fraudpipeline.testing.cluster.ControlPlane;
import io.fraudpipeline.testing.cluster.Helm4Cli;
import io.fraudpipeline.testing.crd.FraudPipelineCrd;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/deploy.md gives two ways to upgrade the FraudPipeline CRD, the chart's ({@code helm
 * upgrade}) and by hand ({@code kubectl apply --server-side}); each must work after the other was
 * used, with Helm 3 (the engine of helm-java) and Helm 4 (its CLI, which applies server-side). The
 * commands are the docs' own, read from its bash blocks and run on the real control plane with the
 * kubectl built with it; only the chart, the CRD file and the release namespace are this test's.
 */
class CrdUpgradePathsOnServerTest {

  private static final String CRD = "fraudpipelines.fraudpipeline.io";
  private static final String INSTALL = "## 2. The operator";
  private static final String UPGRADING = "## Upgrading the operator and its CRD";
  private static final String CHART_IN_DOCS = "helm/fraud-pipeline-operator";
  private static final String CRD_IN_DOCS = LaterRelease.CRD_FILE;
  private static final String NAMESPACE_IN_DOCS = "fraud-pipeline-system";
  private static final String RELEASE = "fraud-pipeline-operator";

  @TempDir Path work;

  private final ControlPlane cluster = ControlPlane.shared();
  private final KubernetesClient client = cluster.client();

  /**
   * The chart installs the CRD, a newer CRD is then applied by hand, and a newer chart upgrades it
   * again. Without the docs' flags each later step is refused by the field managers before it.
   */
  @ParameterizedTest(name = "Helm {0}")
  @ValueSource(ints = {3, 4})
  void theChartFirstThenByHandThenTheChartAgain(int helm) throws Exception {
    scenario(
        helm,
        "chart-first",
        ns -> {
          run(helm, DeployCommands.find(INSTALL, helm, "helm", "install"), ns, Chart.dir(), null);
          assertThat(crd().getMetadata().getAnnotations())
              .containsEntry("helm.sh/resource-policy", "keep");

          Path byHand = LaterRelease.crd(work, "byHandField");
          DeployCommands.Command apply = DeployCommands.find(UPGRADING, helm, "kubectl", "apply");
          assertThat(apply.args()).contains("--server-side");
          Result unforced = run(helm, without(apply, "--force-conflicts"), ns, null, byHand);
          assertThat(unforced.output())
              .as("without --force-conflicts kubectl is refused: the chart applied the CRD")
              .contains("conflict with")
              .contains(".spec.versions");
          assertThat(specFields()).doesNotContain("byHandField");
          expectSuccess(run(helm, apply, ns, null, byHand));
          assertThat(specFields()).contains("byHandField");

          Path newerChart = LaterRelease.chart(work, "byHandField", "chartField");
          DeployCommands.Command upgrade = DeployCommands.find(UPGRADING, helm, "helm", "upgrade");
          if (helm == 4) {
            Result refused = run(helm, without(upgrade, "--force-conflicts"), ns, newerChart, null);
            assertThat(refused.output())
                .as("Helm 4 without --force-conflicts, after kubectl applied the CRD")
                .contains("conflict with \"kubectl\": .spec.versions");
            assertThat(specFields()).doesNotContain("chartField");
          }
          expectSuccess(run(helm, upgrade, ns, newerChart, null));
          assertThat(specFields()).as("the newer chart's CRD").contains("chartField");
          assertChartOwned(ns);
        });
  }

  /**
   * The CRD applied by hand first (the docs' command as it stands), then the chart installed over
   * it after the docs' adoption, then a newer chart upgrades it.
   */
  @ParameterizedTest(name = "Helm {0}")
  @ValueSource(ints = {3, 4})
  void byHandFirstThenTheChartInstalledAndUpgraded(int helm) throws Exception {
    scenario(
        helm,
        "by-hand-first",
        ns -> {
          expectSuccess(
              run(helm, DeployCommands.find(UPGRADING, helm, "kubectl", "apply"), ns, null, null));
          assertThat(crd()).as("the CRD of this build, applied by hand").isNotNull();

          expectSuccess(
              run(
                  helm,
                  DeployCommands.find(UPGRADING, helm, "kubectl", "annotate"),
                  ns,
                  null,
                  null));
          expectSuccess(
              run(helm, DeployCommands.find(UPGRADING, helm, "kubectl", "label"), ns, null, null));
          expectSuccess(
              run(
                  helm,
                  DeployCommands.find(UPGRADING, helm, "helm", "install"),
                  ns,
                  Chart.dir(),
                  null));
          assertChartOwned(ns);

          Path newerChart = LaterRelease.chart(work, "chartField");
          expectSuccess(
              run(
                  helm,
                  DeployCommands.find(UPGRADING, helm, "helm", "upgrade"),
                  ns,
                  newerChart,
                  null));
          assertThat(specFields()).as("the newer chart's CRD").contains("chartField");
          assertChartOwned(ns);
        });
  }

  /** The steps of one scenario, given its release namespace. */
  private interface Steps {
    void run(String namespace) throws Exception;
  }

  /** From no CRD at all, the steps with this Helm, then the release uninstalled. */
  private void scenario(int helm, String name, Steps steps) throws Exception {
    String ns = "crd-paths-" + name + "-h" + helm;
    deleteTheCrd();
    try {
      steps.run(ns);
    } finally {
      uninstall(helm, ns);
    }
  }

  /** What a command printed and how it exited. */
  private record Result(int exitCode, String output) {}

  /**
   * Runs a command of the docs with this test's chart, CRD file (null: the docs' own paths) and
   * release namespace: kubectl as built with the control plane, helm as this Helm.
   */
  private Result run(
      int helm, DeployCommands.Command command, String namespace, Path chart, Path crdFile)
      throws IOException, InterruptedException {
    List<String> args = new ArrayList<>();
    for (String arg : command.args().subList(1, command.args().size())) {
      if (arg.equals(CHART_IN_DOCS) && chart != null) {
        args.add(chart.toString());
      } else if (arg.equals(CRD_IN_DOCS) && crdFile != null) {
        args.add(crdFile.toString());
      } else {
        args.add(arg.replace(NAMESPACE_IN_DOCS, namespace));
      }
    }
    return switch (command.args().get(0)) {
      case "kubectl" -> {
        ControlPlane.KubectlResult r = cluster.kubectl(args.toArray(String[]::new));
        yield new Result(r.exitCode(), r.output());
      }
      case "helm" -> helm == 4 ? helm4(args) : helm3(args);
      default -> throw new AssertionError("not a kubectl or helm command: " + command);
    };
  }

  private Result helm4(List<String> args) throws IOException, InterruptedException {
    Helm4Cli.Result r = new Helm4Cli(cluster, work.resolve("helm4")).run(args);
    return new Result(r.exitCode(), r.output());
  }

  /**
   * The same command through helm-java's Helm 3 engine: only what Helm 3 has (a Helm 4 flag in a
   * Helm 3 line of the docs fails here, as the Helm 3 CLI would refuse it).
   */
  private Result helm3(List<String> args) {
    String verb = args.get(0);
    String release = args.get(1);
    Path chart = Path.of(args.get(2));
    String namespace = null;
    boolean createNamespace = false;
    for (int i = 3; i < args.size(); i++) {
      switch (args.get(i)) {
        case "--namespace", "-n" -> namespace = args.get(++i);
        case "--create-namespace" -> createNamespace = true;
        default -> throw new AssertionError("Helm 3 has no flag " + args.get(i) + ": " + args);
      }
    }
    try {
      if (verb.equals("install")) {
        var install =
            new Helm(chart)
                .install()
                .withName(release)
                .withNamespace(namespace)
                .withKubeConfig(cluster.kubeconfig());
        (createNamespace ? install.createNamespace() : install).call();
      } else if (verb.equals("upgrade")) {
        new Helm(chart)
            .upgrade()
            .withName(release)
            .withNamespace(namespace)
            .withKubeConfig(cluster.kubeconfig())
            .call();
      } else {
        throw new AssertionError("not an install or upgrade: " + args);
      }
      return new Result(0, verb + " done");
    } catch (IllegalStateException e) {
      return new Result(1, e.getMessage());
    }
  }

  private static void expectSuccess(Result result) {
    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  private static DeployCommands.Command without(DeployCommands.Command command, String flag) {
    assertThat(command.args()).as("the docs' command has " + flag).contains(flag);
    return new DeployCommands.Command(
        command.args().stream().filter(a -> !a.equals(flag)).toList(), command.helm());
  }

  /** The release owns the CRD and keeps it on uninstall. */
  private void assertChartOwned(String namespace) {
    CustomResourceDefinition crd = crd();
    assertThat(crd.getMetadata().getAnnotations())
        .containsEntry("helm.sh/resource-policy", "keep")
        .containsEntry("meta.helm.sh/release-name", RELEASE)
        .containsEntry("meta.helm.sh/release-namespace", namespace);
    assertThat(crd.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "Helm");
  }

  /**
   * Uninstalls the release (the CRD stays, by its keep policy), then puts this build's CRD back.
   */
  private void uninstall(int helm, String namespace) throws Exception {
    if (helm == 4) {
      helm4(List.of("uninstall", RELEASE, "--namespace", namespace));
    } else {
      try {
        Helm.uninstall(RELEASE)
            .withNamespace(namespace)
            .withKubeConfig(cluster.kubeconfig())
            .call();
      } catch (IllegalStateException e) {
        // nothing was installed: the scenario failed before
      }
    }
    assertThat(crd()).as("the CRD outlives the release").isNotNull();
    cluster.applyCrdObjects(
        List.of(Serialization.unmarshal(FraudPipelineCrd.yaml(), CustomResourceDefinition.class)));
  }

  private void deleteTheCrd() {
    client.apiextensions().v1().customResourceDefinitions().withName(CRD).delete();
    client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .withName(CRD)
        .waitUntilCondition(c -> c == null, 60, TimeUnit.SECONDS);
  }

  private CustomResourceDefinition crd() {
    return client.apiextensions().v1().customResourceDefinitions().withName(CRD).get();
  }

  private Set<String> specFields() {
    return crd()
        .getSpec()
        .getVersions()
        .get(0)
        .getSchema()
        .getOpenAPIV3Schema()
        .getProperties()
        .get("spec")
        .getProperties()
        .keySet();
  }
}
