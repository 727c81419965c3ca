package io.fraudpipeline.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fraudpipeline.api.v1alpha1.FunctionsSpec;
import io.fraudpipeline.testing.crd.CrdValidator;
import io.fraudpipeline.testing.crd.FraudPipelineCrd;
import io.fraudpipeline.testing.crd.ProjectPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratedCrdTest {

  private final JsonNode crd = CrdValidator.readYaml(FraudPipelineCrd.yaml()).get(0);

  @Test
  void committedCrdIsWhatTheBuildGenerates() throws Exception {
    Path committed = ProjectPaths.root().resolve(FraudPipelineCrd.COMMITTED_PATH);
    assertThat(Files.readString(committed))
        .as(
            "%s differs from the generated CRD; refresh it with: mvn -pl crds process-classes &&"
                + " cp crds/target/classes/%s %s",
            FraudPipelineCrd.COMMITTED_PATH,
            FraudPipelineCrd.RESOURCE,
            FraudPipelineCrd.COMMITTED_PATH)
        .isEqualTo(FraudPipelineCrd.yaml());
  }

  @Test
  void namesFollowTheContract() {
    assertThat(crd.at("/metadata/name").asText()).isEqualTo("fraudpipelines.fraudpipeline.io");
    assertThat(crd.at("/spec/group").asText()).isEqualTo("fraudpipeline.io");
    assertThat(crd.at("/spec/scope").asText()).isEqualTo("Namespaced");
    JsonNode names = crd.at("/spec/names");
    assertThat(names.path("kind").asText()).isEqualTo("FraudPipeline");
    assertThat(names.path("plural").asText()).isEqualTo("fraudpipelines");
    assertThat(texts(names.path("shortNames"))).containsExactly("fp");
    assertThat(texts(names.path("categories"))).containsExactly("fraud");
  }

  @Test
  void oneServedVersionWithStatusSubresourceAndContractColumns() {
    JsonNode versions = crd.at("/spec/versions");
    assertThat(versions).hasSize(1);
    JsonNode v1alpha1 = versions.get(0);
    assertThat(v1alpha1.path("name").asText()).isEqualTo("v1alpha1");
    assertThat(v1alpha1.path("served").asBoolean()).isTrue();
    assertThat(v1alpha1.path("storage").asBoolean()).isTrue();
    assertThat(v1alpha1.at("/subresources/status").isObject()).isTrue();
    List<String> columns = new ArrayList<>();
    v1alpha1.path("additionalPrinterColumns").forEach(c -> columns.add(c.path("name").asText()));
    assertThat(columns).containsExactly("READY", "SUFFIX", "REGION", "ENDPOINT", "PAUSED", "AGE");
  }

  @Test
  void logRetentionRuleListsTheJavaConstant() {
    JsonNode rule =
        crd.at(
            "/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/functions"
                + "/properties/logRetentionDays/x-kubernetes-validations/0/rule");
    String list = rule.asText().replaceAll(".*\\[(.*)\\].*", "$1").replace(" ", "");
    assertThat(list)
        .isEqualTo(
            FunctionsSpec.LOG_RETENTION_DAYS.stream()
                .map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(",")));
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
