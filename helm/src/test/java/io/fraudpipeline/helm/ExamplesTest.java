package io.fraudpipeline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fraudpipeline.helm.Examples.Document;
import io.fraudpipeline.testing.crd.CrdValidator;
import io.fraudpipeline.testing.crd.FraudPipelineCrd;
import io.fraudpipeline.testing.crd.ProjectPaths;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example is parsed and checked against the schema of its kind, where one exists here. */
class ExamplesTest {

  private static final CrdValidator FRAUD_PIPELINE = FraudPipelineCrd.validator();
  private static final CrdValidator PROVIDER_AWS = CrdValidator.load(ProjectPaths.providerCrds());
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  /** Upbound's AWS provider family, Crossplane v2 line. */
  private static final Pattern PROVIDER_PACKAGE =
      Pattern.compile("xpkg\\.upbound\\.io/upbound/provider-aws-([a-z0-9]+):(v2\\.\\d+\\.\\d+)");

  static Stream<Arguments> documents() {
    return Examples.all().stream().map(d -> Arguments.of(Named.of(d.toString(), d)));
  }

  @ParameterizedTest
  @MethodSource("documents")
  void everyExampleIsValidForItsKind(Document document) {
    assertThat(problems(document)).as(document.toString()).isEmpty();
  }

  /** The checks by kind; a kind nobody checks fails, so a new example cannot slip through. */
  private static List<String> problems(Document document) {
    String group = document.group();
    if (group.equals("fraudpipeline.io")) {
      return FRAUD_PIPELINE.validate(document.object());
    }
    if (group.endsWith(".upbound.io")) {
      return PROVIDER_AWS.validate(document.object());
    }
    if (group.equals("pkg.crossplane.io")) {
      return CrossplanePackages.problems(document);
    }
    if (group.equals("argoproj.io")) {
      return ArgoCdApplications.problems(document);
    }
    if (group.isEmpty() || group.equals("rbac.authorization.k8s.io")) {
      HasMetadata core = SERIALIZATION.convertValue(document.object(), HasMetadata.class);
      return UnknownFields.in(core).stream().map(f -> "unknown field " + f).toList();
    }
    return List.of("no check for " + document.apiVersion() + " " + document.kind());
  }

  @Test
  void providersCoverEveryServiceWhoseManagedResourcesTheOperatorMayWrite() {
    Set<String> services =
        Rules.crossplaneResources(Rules.allRules(Chart.template())).stream()
            .map(r -> r.substring(r.indexOf('.') + 1, r.indexOf(Rules.CROSSPLANE_AWS_GROUP_SUFFIX)))
            .collect(Collectors.toSet());

    assertThat(providerServices()).containsAll(services);
  }

  @Test
  void providersAreTheServicesOfTheStackOnOneVersion() {
    List<Matcher> packages = providerPackages();

    assertThat(providerServices())
        .containsExactlyInAnyOrder(
            "dynamodb",
            "lambda",
            "apigateway",
            "sqs",
            "sns",
            "cloudwatch",
            "cloudwatchlogs",
            "cloudwatchevents",
            "iam");
    assertThat(packages.stream().map(m -> m.group(2)).distinct()).hasSize(1);
  }

  @Test
  void clusterProviderConfigsNamedDefaultComeInIrsaAndSecretVariants() {
    List<Document> configs = Examples.ofKind("ClusterProviderConfig");

    assertThat(configs).extracting(Document::name).containsOnly("default");
    assertThat(configs)
        .extracting(d -> d.object().at("/spec/credentials/source").asText())
        .containsExactlyInAnyOrder("IRSA", "Secret");
  }

  @Test
  void pipelineExamplesShowWhatTheirNamesSay() {
    JsonNode apiKey = single("fraudpipeline-api-key.yaml").path("spec");
    assertThat(apiKey.at("/api/authorization").asText()).isEqualTo("API_KEY");
    assertThat(apiKey.at("/alerts/subscriptions")).isNotEmpty();
    assertThat(apiKey.at("/alarms/subscriptions")).isNotEmpty();

    JsonNode image = single("fraudpipeline-arm64-image.yaml").path("spec");
    assertThat(image.at("/functions/code/imageUri").asText()).isNotBlank();
    assertThat(image.at("/functions/code/s3Bucket").isMissingNode()).isTrue();
    assertThat(image.at("/functions/architecture").asText()).isEqualTo("arm64");

    JsonNode throwaway = single("fraudpipeline-throwaway.yaml").path("spec");
    assertThat(throwaway.at("/deletionPolicy").asText()).isEqualTo("Delete");
  }

  @Test
  void pipelineExamplesDoNotCollide() {
    List<Document> pipelines = Examples.ofKind("FraudPipeline");

    assertThat(pipelines).hasSizeGreaterThanOrEqualTo(5);
    assertThat(
            pipelines.stream()
                .map(d -> d.object().at("/metadata/namespace").asText() + "/" + d.name()))
        .doesNotHaveDuplicates();
    assertThat(pipelines.stream().map(ExamplesTest::suffixAndRegion)).doesNotHaveDuplicates();
  }

  private static String suffixAndRegion(Document pipeline) {
    JsonNode defaulted = FRAUD_PIPELINE.defaulted(pipeline.object());
    String suffix = defaulted.at("/spec/environmentSuffix").asText(pipeline.name());
    return (suffix.isEmpty() ? pipeline.name() : suffix)
        + "@"
        + defaulted.at("/spec/region").asText();
  }

  private static JsonNode single(String file) {
    List<Document> documents = Examples.in(file);
    assertThat(documents).as(file).hasSize(1);
    return documents.get(0).object();
  }

  private static List<Matcher> providerPackages() {
    return Examples.ofKind("Provider").stream()
        .map(d -> PROVIDER_PACKAGE.matcher(d.object().at("/spec/package").asText()))
        .filter(Matcher::matches)
        .toList();
  }

  private static Set<String> providerServices() {
    return providerPackages().stream().map(m -> m.group(1)).collect(Collectors.toSet());
  }
}
