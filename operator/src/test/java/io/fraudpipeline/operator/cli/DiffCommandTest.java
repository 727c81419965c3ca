package io.fraudpipeline.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.testing.crd.ProjectPaths;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diff}'s refusals before or without a cluster: each one line, exit code 2. */
class DiffCommandTest {

  @TempDir Path dir;

  private static CliRun diff(String... args) {
    String[] full = new String[args.length + 1];
    full[0] = "diff";
    System.arraycopy(args, 0, full, 1, args.length);
    return CliRun.of(full);
  }

  /** A kubeconfig of a local port nobody listens on. */
  static Path unreachableKubeconfig(Path dir) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path file = dir.resolve("unreachable.kubeconfig");
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: gone
          cluster: {server: "https://127.0.0.1:%d", insecure-skip-tls-verify: true}
        users:
        - name: someone
          user: {token: not-a-token}
        contexts:
        - name: gone
          context: {cluster: gone, user: someone, namespace: fraud-dev}
        current-context: gone
        """
            .formatted(port));
    return file;
  }

  @Test
  void noClusterReachableIsOneLineNamingTheServer() throws Exception {
    Path kubeconfig = unreachableKubeconfig(dir);
    String server = Files.readString(kubeconfig).replaceAll("(?s).*server: \"([^\"]+)\".*", "$1");

    CliRun r =
        diff(
            "-f",
            ProjectPaths.examples().resolve("fraudpipeline.yaml").toString(),
            "--kubeconfig",
            kubeconfig.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith("error: cannot reach the Kubernetes API server at " + server)
        .contains("Connection refused")
        .hasLineCount(1);
  }

  @Test
  void aPipelineIsNamedOrGivenInAFileNotBoth() throws Exception {
    Path kubeconfig = unreachableKubeconfig(dir);

    CliRun both = diff("fp/payments", "-f", "x.yaml", "--kubeconfig", kubeconfig.toString());
    CliRun neither = diff("--kubeconfig", kubeconfig.toString());
    CliRun notAPipeline = diff("deployment/payments", "--kubeconfig", kubeconfig.toString());

    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).isEqualTo("error: arguments: give either fp/NAME or -f FILE\n");
    assertThat(neither.err()).isEqualTo("error: arguments: give either fp/NAME or -f FILE\n");
    assertThat(notAPipeline.exitCode()).isEqualTo(2);
    assertThat(notAPipeline.err())
        .isEqualTo(
            "error: fp/NAME: expected a FraudPipeline such as fp/payments, got"
                + " 'deployment/payments'\n");
  }

  @Test
  void theWaysKubectlNamesAPipelineAreAllAccepted() {
    for (String name :
        new String[] {
          "payments",
          "fp/payments",
          "fraudpipeline/payments",
          "FraudPipeline/payments",
          "fraudpipelines.fraudpipeline.io/payments"
        }) {
      assertThat(DiffCommand.pipelineName(name)).as(name).isEqualTo("payments");
    }
  }
}
