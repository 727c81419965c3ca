package io.fraudpipeline.operator.reconciler;

import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.OPERATOR_USER;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.mrs;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fraudpipeline.api.v1alpha1.ConditionTypes;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.testing.cluster.ControlPlane;
import io.fraudpipeline.testing.cluster.Eventually;
import io.fraudpipeline.testing.crd.ProjectPaths;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The operator uninstalled before a pipeline was deleted: the finalizer holds the pipeline, and the
 * one command docs/deploy.md gives, run as written, lets it and its objects go.
 */
class RealServerOperatorGoneTest {

  private static final String NS = "operator-gone";
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Test
  void theDocumentedPatchLetsThePipelineAndItsObjectsGoWithoutTheOperator() throws Exception {
    ControlPlane cluster = RealServerLifecycleTest.crossplaneServer();
    KubernetesClient admin = cluster.client();
    FraudPipeline seed = RealServerLifecycleTest.pipeline(NS, "payments");
    try (SimulatedProvider provider = SimulatedProvider.withFinalizers(admin)) {
      try (ProductionOperator operator =
          new ProductionOperator(
              cluster.configForUser(OPERATOR_USER, "system:masters"),
              ProductionOperator.watchingOnly(NS),
              Duration.ofSeconds(2))) {
        admin.resource(seed).create();
        Eventually.await(
            "Ready",
            PATIENCE,
            () -> RealServerBackendLifecycleTest.hasCondition(get(admin), ConditionTypes.READY));
      }
      assertThat(mrs(NS, "payments")).isNotEmpty();

      admin.resource(seed).delete();
      Thread.sleep(2000);
      assertThat(get(admin).getMetadata().getDeletionTimestamp())
          .as("held by the finalizer while no operator runs")
          .isNotNull();
      assertThat(get(admin).getMetadata().getFinalizers())
          .as("the operator's finalizer, by the API contract's name")
          .containsExactly(RealServerBackendLifecycleTest.PIPELINE_FINALIZER);

      List<String> patch = documentedPatch();
      ControlPlane.KubectlResult r = cluster.kubectl(patch.toArray(String[]::new));
      assertThat(r.exitCode()).as(String.join(" ", patch) + ": " + r.output()).isZero();
      Eventually.await(
          "the pipeline and its objects gone",
          PATIENCE,
          () -> get(admin) == null && mrs(NS, "payments").isEmpty());
    } finally {
      admin.namespaces().withName(NS).delete();
    }
  }

  private static FraudPipeline get(KubernetesClient admin) {
    return admin.resources(FraudPipeline.class).inNamespace(NS).withName("payments").get();
  }

  /** docs/deploy.md's {@code kubectl patch fp} line, as arguments, in this test's namespace. */
  private static List<String> documentedPatch() throws java.io.IOException {
    String line =
        Files.readAllLines(ProjectPaths.root().resolve("docs/deploy.md")).stream()
            .filter(l -> l.startsWith("kubectl patch fp "))
            .findFirst()
            .orElseThrow(() -> new AssertionError("docs/deploy.md has no kubectl patch fp line"));
    List<String> args = new ArrayList<>();
    Matcher m = Pattern.compile("'([^']*)'|(\\S+)").matcher(line.substring("kubectl ".length()));
    while (m.find()) {
      args.add(m.group(1) != null ? m.group(1) : m.group(2).replace("fraud-dev", NS));
    }
    return args;
  }
}
