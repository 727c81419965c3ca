package io.fraudpipeline.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fraudpipeline.api.testing.CrdValidator;
import io.fraudpipeline.api.testing.FraudPipelineCrd;
import io.fraudpipeline.api.testing.ProjectPaths;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FraudPipelineSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final CrdValidator VALIDATOR = FraudPipelineCrd.validator();

  static Stream<Arguments> examplePipelines() throws IOException {
    try (Stream<Path> files = Files.walk(ProjectPaths.examples())) {
      List<Path> yamls = files.filter(p -> p.toString().matches(".*\\.ya?ml$")).sorted().toList();
      Stream.Builder<Arguments> out = Stream.builder();
      for (Path file : yamls) {
        for (JsonNode doc : CrdValidator.readYaml(Files.readString(file))) {
          if ("FraudPipeline".equals(doc.path("kind").asText())) {
            out.add(Arguments.of(ProjectPaths.examples().relativize(file).toString(), doc));
          }
        }
      }
      return out.build();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examplePipelines")
  void everyExamplePipelineIsValid(String file, JsonNode pipeline) {
    assertThat(VALIDATOR.validate(pipeline)).as(file).isEmpty();
  }

  @Test
  void theExamplesIncludeTheSeedStackAndTheMinimalOne() throws IOException {
    assertThat(examplePipelines().map(a -> (String) a.get()[0]))
        .contains("fraudpipeline.yaml", "fraudpipeline-minimal.yaml");
  }

  static Stream<Arguments> badSpecs() throws IOException {
    try (var in = FraudPipelineSchemaTest.class.getResourceAsStream("/bad-specs.yaml")) {
      String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return CrdValidator.readYaml(yaml).stream()
          .map(doc -> Arguments.of(doc.at("/metadata/name").asText(), doc));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSpecs")
  void badSpecIsRejectedNamingTheField(String name, JsonNode pipeline) {
    String expected = pipeline.at("/metadata/annotations/fraudpipeline.io~1expect").asText();
    assertThat(expected).isNotBlank();
    assertThat(VALIDATOR.validate(pipeline))
        .as("problems of %s", name)
        .isNotEmpty()
        .anySatisfy(problem -> assertThat(problem).contains(expected));
  }

  @Test
  void badSpecsCoverTheCasesTheIssueNames() throws IOException {
    assertThat(badSpecs().map(a -> (String) a.get()[0]))
        .contains(
            "both-code-sources",
            "no-code",
            "bad-suffix",
            "threshold-too-high",
            "batch-zero",
            "no-region",
            "payments-europe-west-production-cluster-blue");
  }

  /**
   * The Java types default like the schema: what the API server stores for the minimal example
   * equals the Java view of the same example, field for field.
   */
  @Test
  void javaDefaultsEqualSchemaDefaults() throws IOException {
    String yaml = Files.readString(ProjectPaths.examples().resolve("fraudpipeline-minimal.yaml"));
    JsonNode minimal = CrdValidator.readYaml(yaml).get(0);

    JsonNode serverView = VALIDATOR.defaulted(minimal).get("spec");
    FraudPipeline javaView = JSON.treeToValue(minimal, FraudPipeline.class);

    JsonNode javaTree = JSON.valueToTree(javaView.getSpec());
    assertThat(javaTree).isEqualTo(serverView);
  }

  @Test
  void nullsArePrunedLikeTheApiServerDoes() throws IOException {
    String yaml =
        """
        apiVersion: fraudpipeline.io/v1alpha1
        kind: FraudPipeline
        metadata: {name: nulls}
        spec:
          region: us-east-1
          functions:
            code: {s3Bucket: my-artifacts, s3Key: f.zip, s3ObjectVersion: null, imageUri: null}
        """;
    assertThat(VALIDATOR.validate(CrdValidator.readYaml(yaml).get(0))).isEmpty();
  }
}
