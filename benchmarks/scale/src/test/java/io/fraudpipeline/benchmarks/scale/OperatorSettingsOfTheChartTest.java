package io.fraudpipeline.benchmarks.scale;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator the benchmark runs is the chart's: its environment follows values.yaml. */
class OperatorSettingsOfTheChartTest {

  @Test
  void theOperatorsEnvironmentIsTheChartsDefaultsButTheResync() throws Exception {
    JsonNode values = chartValues().path("operator");

    Map<String, String> env =
        OperatorProcess.chartEnvironment("operator-0", Duration.ofSeconds(20), 9090);

    assertThat(env)
        .containsEntry("LOG_LEVEL", values.path("logLevel").asText())
        .containsEntry("LOG_FORMAT", values.path("logFormat").asText())
        .containsEntry("LEADER_ELECTION", values.path("leaderElection").asText())
        .containsEntry("RECONCILE_CONCURRENCY", values.path("reconcileConcurrency").asText())
        .containsEntry("RESYNC_PERIOD", "20s")
        .containsEntry("HTTP_PORT", "9090");
    assertThat(values.path("resyncPeriod").asText().toLowerCase(Locale.ROOT)).isNotEqualTo("20s");
  }

  @Test
  void theOperatorsJvmIsTheOneTheChartsLimitsGive() throws Exception {
    JsonNode limits = chartValues().path("resources").path("limits");

    // if the chart's limits change, the JVM options the benchmark spells out must follow
    assertThat(limits.path("cpu").asText()).isEqualTo("1");
    assertThat(limits.path("memory").asText()).isEqualTo("1Gi");
    assertThat(OperatorProcess.chartJvmOptions())
        .startsWith("-XX:MaxRAM=1g", "-XX:ActiveProcessorCount=1")
        .endsWith(OperatorProcess.IMAGE_JAVA_OPTS.toArray(String[]::new));
    assertThat(Files.readString(Repository.root().resolve("operator/Dockerfile")))
        .contains("ENV JAVA_OPTS=\"" + String.join(" ", OperatorProcess.IMAGE_JAVA_OPTS) + "\"");
  }

  private static JsonNode chartValues() throws Exception {
    return new ObjectMapper(new YAMLFactory())
        .readTree(
            Files.readString(
                Repository.root().resolve("helm/fraud-pipeline-operator/values.yaml")));
  }
}
