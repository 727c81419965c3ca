package io.fraudpipeline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The FraudPipeline CRD is a template of the chart, so {@code helm upgrade} upgrades it: by default
 * rendered with the chart's labels and {@code helm.sh/resource-policy: keep}, its schema the
 * generated CRD's unchanged; {@code crds.install=false} leaves it out, {@code crds.keep=false} lets
 * {@code helm uninstall} delete it.
 */
class ChartCrdTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String KEEP = "helm.sh/resource-policy";

  private static JsonNode crd(Manifests manifests) {
    List<JsonNode> crds =
        manifests.trees().stream()
            .filter(t -> "CustomResourceDefinition".equals(t.path("kind").asText()))
            .toList();
    assertThat(crds).hasSize(1);
    return crds.get(0);
  }

  @Test
  void byDefaultTheCrdIsInstalledWithTheChartsLabelsAndKeptOnUninstall() throws Exception {
    JsonNode crd = crd(Chart.template());
    JsonNode generated =
        YAML.readTree(
            Files.readString(
                Chart.dir().resolve("files/crds/fraudpipelines.fraudpipeline.io-v1.yml")));

    assertThat(crd.at("/metadata/name").asText()).isEqualTo("fraudpipelines.fraudpipeline.io");
    assertThat(crd.at("/metadata/annotations/" + KEEP.replace("/", "~1")).asText())
        .isEqualTo("keep");
    assertThat(crd.at("/metadata/labels/app.kubernetes.io~1managed-by").asText()).isEqualTo("Helm");
    assertThat(crd.at("/metadata/labels/app.kubernetes.io~1part-of").asText())
        .isEqualTo("fraud-pipeline");
    assertThat(crd.get("spec"))
        .as("the generated schema, unchanged")
        .isEqualTo(generated.get("spec"));
  }

  @Test
  void crdsInstallFalseLeavesItToWhoeverOwnsIt() {
    Manifests manifests = Chart.template(Map.of("crds", Map.of("install", false)));
    assertThat(manifests.ofKind("CustomResourceDefinition")).isEmpty();
    assertThat(manifests.ofKind("Deployment")).as("the operator itself is still there").hasSize(1);
  }

  @Test
  void crdsKeepFalseLetsAnUninstallDeleteIt() {
    JsonNode crd = crd(Chart.template(Map.of("crds", Map.of("keep", false))));
    assertThat(crd.at("/metadata/annotations").path(KEEP).isMissingNode()).isTrue();
  }
}
