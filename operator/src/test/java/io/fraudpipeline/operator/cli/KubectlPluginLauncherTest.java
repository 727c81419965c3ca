package io.fraudpipeline.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/kubectl-fraudpipeline, run as kubectl runs a plugin: it finds the jar, passes every argument
 * on as given and exits with the command's code.
 */
class KubectlPluginLauncherTest {

  @TempDir Path dir;

  record Run(int exitCode, String out, String err) {}

  private static Run run(Path script, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("sh", script.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("FRAUDPIPELINE_JAR");
    builder.environment().putAll(env);
    Process p = builder.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(p.waitFor(), out, err);
  }

  @Test
  void theLauncherRunsTheJarsDiffWithTheArgumentsAsGiven() throws Exception {
    Path jar = LauncherJar.in(dir);
    Map<String, String> env = Map.of("FRAUDPIPELINE_JAR", jar.toString());

    Run help = run(LauncherJar.script(), env, "diff", "--help");
    Run missingFile =
        run(
            LauncherJar.script(),
            env,
            "diff",
            "-f",
            dir.resolve("no such.yaml").toString(),
            "--kubeconfig",
            writeKubeconfig().toString());

    assertThat(help.exitCode()).as(help.err()).isZero();
    assertThat(help.out()).startsWith("Usage: fraud-pipeline-operator diff").contains("--context");
    assertThat(missingFile.exitCode()).isEqualTo(2);
    assertThat(missingFile.err())
        .as("a path with a space arrives as one argument")
        .isEqualTo("error: " + dir.resolve("no such.yaml") + ": no such file\n");
  }

  @Test
  void withoutAJarTheLauncherSaysWhereItLooked() throws Exception {
    Path copy = dir.resolve("kubectl-fraudpipeline");
    Files.copy(LauncherJar.script(), copy);

    Run run = run(copy, Map.of(), "diff", "fp/payments");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "error: no fraud-pipeline-operator jar: set FRAUDPIPELINE_JAR, or put"
                + " fraud-pipeline-operator.jar beside "
                + copy
                + "\n");
  }

  /** A kubeconfig of a server nobody listens on. */
  private Path writeKubeconfig() throws Exception {
    return DiffCommandTest.unreachableKubeconfig(dir);
  }
}
