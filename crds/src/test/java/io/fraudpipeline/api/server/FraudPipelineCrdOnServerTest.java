package io.fraudpipeline.api.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable.Validation;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.testing.cluster.ControlPlane;
import io.fraudpipeline.testing.crd.CrdValidator;
import io.fraudpipeline.testing.crd.FraudPipelineCrd;
import io.fraudpipeline.testing.crd.ProjectPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The FraudPipeline CRD on a real kube-apiserver: accepted (structural, every CEL rule within the
 * cost budget), every example stored with the contract's defaults, every bad spec rejected naming
 * its field, and CrdValidator (the offline stand-in the render tests still use) agreeing with the
 * server on every fixture.
 */
class FraudPipelineCrdOnServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NAMESPACE = "crd-tests";
  private static final CrdValidator VALIDATOR = FraudPipelineCrd.validator();
  private static KubernetesClient client;

  @BeforeAll
  static void installCrd() {
    ControlPlane cluster = ControlPlane.shared();
    client = cluster.client();
    CustomResourceDefinition crd =
        Serialization.unmarshal(FraudPipelineCrd.yaml(), CustomResourceDefinition.class);
    cluster.applyCrdObjects(List.of(crd));
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .serverSideApply();
  }

  private static MixedOperation<
          GenericKubernetesResource,
          io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      pipelines() {
    return client.genericKubernetesResources("fraudpipeline.io/v1alpha1", "FraudPipeline");
  }

  /** Creates as kubectl does: unknown fields are an error, not silently dropped. */
  private static GenericKubernetesResource create(JsonNode doc) {
    GenericKubernetesResource r = JSON.convertValue(doc, GenericKubernetesResource.class);
    r.getMetadata().setNamespace(NAMESPACE);
    return pipelines()
        .inNamespace(NAMESPACE)
        .resource(r)
        .fieldValidation(Validation.STRICT)
        .create();
  }

  private static void delete(JsonNode doc) {
    pipelines().inNamespace(NAMESPACE).withName(doc.at("/metadata/name").asText()).delete();
  }

  @Test
  void theServerAcceptsTheCrdAsStructural() {
    CustomResourceDefinition stored =
        client
            .apiextensions()
            .v1()
            .customResourceDefinitions()
            .withName("fraudpipelines.fraudpipeline.io")
            .get();
    assertThat(stored.getStatus().getConditions())
        .noneMatch(c -> c.getType().equals("NonStructuralSchema"))
        .anyMatch(c -> c.getType().equals("Established") && c.getStatus().equals("True"));
  }

  static Stream<Arguments> examplePipelines() throws IOException {
    List<Arguments> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(ProjectPaths.examples())) {
      for (Path file : files.filter(p -> p.toString().matches(".*\\.ya?ml$")).sorted().toList()) {
        for (JsonNode doc : CrdValidator.readYaml(Files.readString(file))) {
          if ("FraudPipeline".equals(doc.path("kind").asText())) {
            out.add(Arguments.of(ProjectPaths.examples().relativize(file).toString(), doc));
          }
        }
      }
    }
    return out.stream();
  }

  /**
   * What the server stores equals what CrdValidator's defaulting predicts and what the Java types
   * default to: the three views of the contract's defaults agree.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("examplePipelines")
  void everyExampleIsAcceptedAndReadsBackWithTheDefaults(String file, JsonNode example)
      throws IOException {
    assertThat(VALIDATOR.validate(example)).as("CrdValidator on " + file).isEmpty();
    try {
      GenericKubernetesResource stored = create(example);
      JsonNode storedSpec = JSON.valueToTree(stored.getAdditionalProperties().get("spec"));

      assertSameJson(
          "stored vs CrdValidator's defaults",
          storedSpec,
          VALIDATOR.defaulted(example).get("spec"));
      FraudPipeline javaView = JSON.treeToValue(example, FraudPipeline.class);
      assertSameJson("stored vs Java defaults", storedSpec, JSON.valueToTree(javaView.getSpec()));
    } finally {
      delete(example);
    }
  }

  /** Equal as JSON values: the server writes 5000 where Java writes 5000.0. */
  private static void assertSameJson(String what, JsonNode actual, JsonNode expected) {
    Comparator<JsonNode> numbersByValue =
        (a, b) ->
            a.isNumber() && b.isNumber()
                ? a.decimalValue().compareTo(b.decimalValue())
                : a.equals(b) ? 0 : 1;
    assertThat(actual.equals(numbersByValue, expected))
        .as("%s:%n actual   %s%n expected %s", what, actual, expected)
        .isTrue();
  }

  @Test
  void theExamplesIncludeTheSeedStackAndTheMinimalOne() throws IOException {
    assertThat(examplePipelines().map(a -> (String) a.get()[0]))
        .contains("fraudpipeline.yaml", "fraudpipeline-minimal.yaml");
  }

  static Stream<Arguments> badSpecs() throws IOException {
    try (var in = FraudPipelineCrdOnServerTest.class.getResourceAsStream("/bad-specs.yaml")) {
      String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return CrdValidator.readYaml(yaml).stream()
          .map(doc -> Arguments.of(doc.at("/metadata/name").asText(), doc));
    }
  }

  private static final Pattern NAMED_PROPERTY =
      Pattern.compile("(?:required property|property) '([^']+)' (?:not found|is not defined)");

  /** The field a bad spec's expected message names, as the server spells paths. */
  static String fieldOf(String expected) {
    String path = expected.substring(0, expected.indexOf(": "));
    Matcher m = NAMED_PROPERTY.matcher(expected);
    return m.find() ? path + "." + m.group(1) : path;
  }

  /**
   * The server rejects it naming the field, and CrdValidator rejects it with the text the fixture
   * expects: the two agree on every bad spec.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("badSpecs")
  void everyBadSpecIsRejectedByTheServerNamingTheFieldAndByCrdValidator(
      String name, JsonNode pipeline) {
    String expected = pipeline.at("/metadata/annotations/fraudpipeline.io~1expect").asText();
    assertThat(expected).isNotBlank();
    assertThat(VALIDATOR.validate(pipeline))
        .as("CrdValidator on %s", name)
        .anySatisfy(problem -> assertThat(problem).contains(expected));

    KubernetesClientException rejected =
        catchThrowableOfType(KubernetesClientException.class, () -> create(pipeline));
    if (rejected == null) {
      delete(pipeline);
    }
    assertThat(rejected).as("the server accepted %s", name).isNotNull();
    assertThat(rejected.getCode()).isIn(422, 400);
    assertThat(rejected.getStatus().getMessage()).contains(fieldOf(expected));
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

  @Test
  void nullsArePrunedNotRejected() {
    JsonNode pipeline =
        CrdValidator.readYaml(
                """
                apiVersion: fraudpipeline.io/v1alpha1
                kind: FraudPipeline
                metadata: {name: nulls}
                spec:
                  region: us-east-1
                  functions:
                    code: {s3Bucket: my-artifacts, s3Key: f.zip, s3ObjectVersion: null, imageUri: null}
                """)
            .get(0);
    assertThat(VALIDATOR.validate(pipeline)).as("CrdValidator").isEmpty();
    try {
      JsonNode code =
          JSON.valueToTree(create(pipeline).getAdditionalProperties().get("spec"))
              .at("/functions/code");
      assertThat(code.has("imageUri")).isFalse();
      assertThat(code.has("s3ObjectVersion")).isFalse();
      assertThat(code.path("s3Key").asText()).isEqualTo("f.zip");
    } finally {
      delete(pipeline);
    }
  }

  @Test
  void theBackendCannotBeChanged() {
    ObjectNode pipeline =
        (ObjectNode)
            CrdValidator.readYaml(
                    """
                    apiVersion: fraudpipeline.io/v1alpha1
                    kind: FraudPipeline
                    metadata: {name: fixed-backend}
                    spec:
                      region: us-east-1
                      functions:
                        code: {s3Bucket: my-artifacts, s3Key: f.zip}
                    """)
                .get(0);
    create(pipeline);
    try {
      KubernetesClientException refused =
          catchThrowableOfType(
              KubernetesClientException.class,
              () ->
                  pipelines()
                      .inNamespace(NAMESPACE)
                      .withName("fixed-backend")
                      .edit(
                          p -> {
                            @SuppressWarnings("unchecked")
                            var spec =
                                (java.util.Map<String, Object>)
                                    p.getAdditionalProperties().get("spec");
                            spec.put("backend", "ACK");
                            return p;
                          }));
      assertThat(refused).isNotNull();
      assertThat(refused.getCode()).isEqualTo(422);
      assertThat(refused.getStatus().getMessage())
          .contains("spec.backend")
          .contains("backend is immutable");
    } finally {
      delete(pipeline);
    }
  }
}
