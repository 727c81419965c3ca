package io.fraudpipeline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fraudpipeline.testing.crd.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * operator/Dockerfile and the chart agree: user ids, port, command. No Docker engine runs here, so
 * the image itself is not built in the tests.
 */
class ImageContractTest {

  private final List<String> dockerfile = readDockerfile();
  private final Deployment deployment = Chart.template().single(Deployment.class);
  private final Container container =
      deployment.getSpec().getTemplate().getSpec().getContainers().get(0);

  @Test
  void runtimeStageIsAJava21Jre() {
    List<String> stages = instructions("FROM");

    assertThat(stages).hasSize(2);
    assertThat(stages.get(1)).isEqualTo("eclipse-temurin:21-jre");
  }

  @Test
  void imageRunsAsTheNumericUserTheChartExpects() {
    PodSecurityContext pod = deployment.getSpec().getTemplate().getSpec().getSecurityContext();

    assertThat(instructions("USER"))
        .containsExactly(pod.getRunAsUser() + ":" + pod.getRunAsGroup());
  }

  @Test
  void imageExposesTheChartsContainerPort() {
    assertThat(instructions("EXPOSE"))
        .containsExactly(String.valueOf(container.getPorts().get(0).getContainerPort()));
  }

  @Test
  void entrypointRunsTheShadedJarWithContainerAwareJvmFlags() {
    assertThat(instructions("ENTRYPOINT"))
        .singleElement()
        .asString()
        .contains("-jar /app/fraud-pipeline-operator.jar");
    assertThat(instructions("ENV"))
        .anySatisfy(
            env ->
                assertThat(env)
                    .contains("-XX:MaxRAMPercentage=")
                    .contains("-XX:+ExitOnOutOfMemoryError"));
    assertThat(instructions("CMD"))
        .containsExactly("[\"" + String.join("\", \"", container.getArgs()) + "\"]");
  }

  private List<String> instructions(String keyword) {
    return dockerfile.stream()
        .filter(line -> line.startsWith(keyword + " "))
        .map(line -> line.substring(keyword.length() + 1).replaceFirst(" AS .*$", "").trim())
        .toList();
  }

  private static List<String> readDockerfile() {
    try {
      return Files.readAllLines(ProjectPaths.root().resolve("operator/Dockerfile"));
    } catch (IOException e) {
      throw new AssertionError("operator/Dockerfile is missing", e);
    }
  }
}
