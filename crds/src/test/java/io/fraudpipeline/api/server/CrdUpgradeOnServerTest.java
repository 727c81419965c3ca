package io.fraudpipeline.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fraudpipeline.testing.cluster.ControlPlane;
import io.fraudpipeline.testing.crd.CrdValidator;
import io.fraudpipeline.testing.crd.FraudPipelineCrd;
import io.fraudpipeline.testing.crd.ProjectPaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An upgrade of the CRD never makes a stored pipeline invalid: every example is stored under the
 * previous release's CRD (a committed copy, {@code previous-release/}), the CRD of this build is
 * applied over it as {@code helm upgrade} does, and each stored pipeline still reads, is accepted
 * by the server when written back unchanged, and validates against the new schema. A schema change
 * that narrows a field (a tighter bound, a new required field, a stricter rule) fails here before
 * it ships.
 */
class CrdUpgradeOnServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NAMESPACE = "crd-upgrade";
  private static final String PREVIOUS = "previous-release/fraudpipelines.fraudpipeline.io-v1.yml";

  @Test
  void everyExampleStoredUnderThePreviousCrdStillReadsAndValidatesUnderThisOne() throws Exception {
    ControlPlane cluster = ControlPlane.shared();
    KubernetesClient client = cluster.client();
    try {
      cluster.applyCrdObjects(List.of(crd(previousCrd())));
      client
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
          .serverSideApply();
      List<String> stored = new ArrayList<>();
      for (JsonNode example : examples()) {
        GenericKubernetesResource pipeline =
            JSON.convertValue(example, GenericKubernetesResource.class);
        pipeline.getMetadata().setNamespace(NAMESPACE);
        // several examples share a name: each its own object here
        pipeline.getMetadata().setName(pipeline.getMetadata().getName() + "-" + stored.size());
        pipelines(client).resource(pipeline).create();
        stored.add(pipeline.getMetadata().getName());
      }
      assertThat(stored).as("the examples stored under the previous CRD").isNotEmpty();

      cluster.applyCrdObjects(List.of(crd(FraudPipelineCrd.yaml())));

      CrdValidator current = FraudPipelineCrd.validator();
      for (String name : stored) {
        GenericKubernetesResource read = pipelines(client).withName(name).get();
        assertThat(read).as("%s reads under the new CRD", name).isNotNull();
        assertThat(current.validate(read))
            .as("%s validates against the new schema", name)
            .isEmpty();
        // written back unchanged: the server validates the whole object against the new schema
        GenericKubernetesResource written = pipelines(client).resource(read).update();
        assertThat(written.getAdditionalProperties().get("spec"))
            .as("%s keeps its spec (nothing pruned)", name)
            .isEqualTo(read.getAdditionalProperties().get("spec"));
      }
    } finally {
      cluster.applyCrdObjects(List.of(crd(FraudPipelineCrd.yaml())));
      client.namespaces().withName(NAMESPACE).delete();
    }
  }

  /**
   * The check above can fail: a CRD narrowed under a stored example (here the stream's batch size
   * bounded to 1) rejects it. The server alone would not say so, as its validation ratcheting lets
   * an unchanged invalid field through; the new schema's validator does.
   */
  @Test
  void aNarrowedSchemaIsCaughtOnTheStoredExamples() throws Exception {
    JsonNode crd = CrdValidator.readYaml(FraudPipelineCrd.yaml()).get(0);
    var batchSize =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            crd.at(
                "/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/stream"
                    + "/properties/batchSize");
    assertThat(batchSize.isMissingNode()).as("the CRD has spec.stream.batchSize").isFalse();
    batchSize.put("maximum", 1);
    CrdValidator narrowed = CrdValidator.fromYaml(Serialization.asYaml(crd));
    List<String> errors = new ArrayList<>();
    for (JsonNode example : examples()) {
      errors.addAll(narrowed.validate(example));
    }
    assertThat(errors).anyMatch(e -> e.contains("batchSize"));
  }

  private static io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<
          GenericKubernetesResource,
          io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
          io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>>
      pipelines(KubernetesClient client) {
    return client
        .genericKubernetesResources("fraudpipeline.io/v1alpha1", "FraudPipeline")
        .inNamespace(NAMESPACE);
  }

  private static CustomResourceDefinition crd(String yaml) {
    return Serialization.unmarshal(yaml, CustomResourceDefinition.class);
  }

  private static String previousCrd() throws IOException {
    try (InputStream in =
        CrdUpgradeOnServerTest.class.getClassLoader().getResourceAsStream(PREVIOUS)) {
      assertThat(in).as(PREVIOUS).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<JsonNode> examples() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(ProjectPaths.examples())) {
      for (Path file : files.filter(p -> p.toString().matches(".*\\.ya?ml$")).sorted().toList()) {
        for (JsonNode doc : CrdValidator.readYaml(Files.readString(file))) {
          if ("FraudPipeline".equals(doc.path("kind").asText())) {
            out.add(doc);
          }
        }
      }
    }
    return out;
  }
}
