package io.fraudpipeline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ChartMetadataTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static String mavenVersion() {
    String version = System.getProperty("project.version");
    assertThat(version).as("surefire passes project.version (see helm/pom.xml)").isNotBlank();
    return version;
  }

  @Test
  void chartVersionAndAppVersionFollowTheMavenVersion() throws IOException {
    JsonNode chart = YAML.readTree(Chart.dir().resolve("Chart.yaml").toFile());

    assertThat(chart.path("apiVersion").asText()).isEqualTo("v2");
    assertThat(chart.path("name").asText()).isEqualTo("fraud-pipeline-operator");
    assertThat(chart.path("version").asText())
        .as("Chart.yaml version: set it to the Maven project version")
        .isEqualTo(mavenVersion());
    assertThat(chart.path("appVersion").asText())
        .as("Chart.yaml appVersion: set it to the Maven project version")
        .isEqualTo(mavenVersion());
  }

  @Test
  void defaultImageIsTheOperatorImageTaggedWithTheAppVersion() {
    Deployment deployment = Chart.template().single(Deployment.class);

    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("ghcr.io/fraud-pipeline/fraud-pipeline-operator:" + mavenVersion());
  }
}
