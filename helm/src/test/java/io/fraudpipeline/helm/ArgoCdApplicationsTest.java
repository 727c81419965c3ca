package io.fraudpipeline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fraudpipeline.helm.Examples.Document;
import io.fraudpipeline.testing.crd.ProjectPaths;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Argo CD route: an app of apps whose sync waves install Crossplane config, operator,
 * pipelines.
 */
class ArgoCdApplicationsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode root = application("argocd/root.yaml");
  private final JsonNode crossplane = application("argocd/apps/crossplane-aws.yaml");
  private final JsonNode operator = application("argocd/apps/fraud-pipeline-operator.yaml");
  private final JsonNode pipelines = application("argocd/apps/fraud-pipelines.yaml");

  @Test
  void theRootAppSyncsTheFolderHoldingTheThreeApps() throws IOException {
    Path apps = ProjectPaths.root().resolve(root.at("/spec/source/path").asText());

    try (Stream<Path> files = Files.list(apps)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "crossplane-aws.yaml", "fraud-pipeline-operator.yaml", "fraud-pipelines.yaml");
    }
  }

  @Test
  void syncWavesPutProvidersThenTheOperatorThenThePipelines() {
    assertThat(ArgoCdApplications.syncWave(crossplane))
        .isLessThan(ArgoCdApplications.syncWave(operator));
    assertThat(ArgoCdApplications.syncWave(operator))
        .isLessThan(ArgoCdApplications.syncWave(pipelines));
  }

  @Test
  void everyAppPointsAtOneRepositoryAndRevision() {
    assertThat(
            Stream.of(root, crossplane, operator, pipelines)
                .map(a -> a.at("/spec/source/repoURL").asText())
                .distinct())
        .hasSize(1);
    assertThat(
            Stream.of(root, crossplane, operator, pipelines)
                .map(a -> a.at("/spec/source/targetRevision").asText())
                .distinct())
        .hasSize(1);
  }

  @Test
  void theOperatorAppInstallsTheChartWithValuesTheChartAccepts() throws IOException {
    assertThat(ProjectPaths.root().resolve(operator.at("/spec/source/path").asText()).toRealPath())
        .isEqualTo(Chart.dir().toRealPath());
    Map<String, Object> values =
        JSON.convertValue(operator.at("/spec/source/helm/valuesObject"), new TypeReference<>() {});

    Manifests manifests = Chart.template(values);

    assertThat(manifests.single(Deployment.class).getSpec().getReplicas())
        .isEqualTo(operator.at("/spec/source/helm/valuesObject/replicaCount").asInt());
    assertThat(operator.at("/spec/source/helm/releaseName").asText())
        .isEqualTo("fraud-pipeline-operator");
  }

  @Test
  void thePipelinesAppAppliesOnlyFraudPipelinesOfItsNamespace() throws IOException {
    List<Document> included = includedDocuments(pipelines);

    assertThat(included).isNotEmpty();
    assertThat(included).extracting(Document::kind).containsOnly("FraudPipeline");
    assertThat(included)
        .extracting(d -> d.object().at("/metadata/namespace").asText())
        .containsOnly(pipelines.at("/spec/destination/namespace").asText());
    assertThat(pipelines.at("/spec/syncPolicy/automated/prune").asBoolean())
        .as("deleting a pipeline from Git must not delete its AWS stack unattended")
        .isFalse();
  }

  @Test
  void theCrossplaneAppCreatesTheProviderConfigAfterTheProviders() throws IOException {
    List<Document> included = includedDocuments(crossplane);
    List<Document> providers = included.stream().filter(d -> d.kind().equals("Provider")).toList();
    List<Document> configs =
        included.stream().filter(d -> d.kind().equals("ClusterProviderConfig")).toList();

    assertThat(providers)
        .as("the eight of the stack and cloudwatchevents for the check")
        .hasSize(9);
    assertThat(configs).hasSize(1);
    int providerWave =
        providers.stream()
            .mapToInt(p -> ArgoCdApplications.syncWave(p.object()))
            .max()
            .orElseThrow();
    assertThat(ArgoCdApplications.syncWave(configs.get(0).object())).isGreaterThan(providerWave);
  }

  /** The documents an Application's directory source applies (path plus directory.include glob). */
  private static List<Document> includedDocuments(JsonNode application) throws IOException {
    Path root = ProjectPaths.root();
    Path source = root.resolve(application.at("/spec/source/path").asText());
    assertThat(source).isDirectory();
    String include = application.at("/spec/source/directory/include").asText("*.yaml");
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + include);
    try (Stream<Path> files = Files.list(source)) {
      List<String> names =
          files
              .filter(f -> matcher.matches(f.getFileName()))
              .map(f -> Examples.dir().relativize(f).toString())
              .toList();
      assertThat(names).as("files matching %s in %s", include, source).isNotEmpty();
      return Examples.all().stream().filter(d -> names.contains(d.file())).toList();
    }
  }

  private static JsonNode application(String file) {
    List<Document> documents = Examples.in(file);
    assertThat(documents).as(file).hasSize(1);
    assertThat(documents.get(0).kind()).isEqualTo("Application");
    return documents.get(0).object();
  }
}
