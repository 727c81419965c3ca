package io.fraudpipeline.operator.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Render gives the same bytes in every JVM: a map whose order depends on the JVM (as {@code
 * Map.of}'s does, by a seed drawn at start-up) would show here as two fresh JVMs disagreeing, and
 * in the operator as a write after each restart.
 */
class RenderAcrossJvmsTest {

  @Test
  void twoFreshJvmsRenderEveryCaseIdentically() throws Exception {
    String first = renderInFreshJvm();
    String second = renderInFreshJvm();
    assertThat(first).contains("## edited-ack").contains("## first-wave-crossplane");
    assertThat(second).isEqualTo(first);
    assertThat(GoldenRenders.all()).isEqualTo(first);
  }

  private static String renderInFreshJvm() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    GoldenRenders.class.getName(),
                    "--print"))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the JVM ended").isTrue();
    assertThat(process.exitValue()).isZero();
    return new String(out, StandardCharsets.UTF_8);
  }
}
