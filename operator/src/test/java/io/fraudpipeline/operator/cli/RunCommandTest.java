package io.fraudpipeline.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code run} fails fast with one line on stderr: exit 2 for a bad setting, 1 for no cluster. */
class RunCommandTest {

  private final StringWriter err = new StringWriter();

  @AfterEach
  void restoreLogging() {
    Logging.configure("info", "text");
  }

  @Test
  void aBadSettingIsOneLineAndExitCodeTwo() {
    int code = run(Map.of("LOG_FORMAT", "xml"), 1);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("error: LOG_FORMAT: expected json or text, got 'xml'\n");
  }

  @Test
  void aBadNamespaceIsNamed() {
    int code = run(Map.of("WATCH_NAMESPACES", "fraud-dev,Fraud_Prod"), 1);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "error: WATCH_NAMESPACES: 'Fraud_Prod' is not a namespace name (lowercase RFC 1123"
                + " label)\n");
  }

  @Test
  void anUnreachableClusterIsOneLineAndExitCodeOne() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    int code = run(Map.of("LOG_LEVEL", "error", "HTTP_PORT", "0"), closedPort);

    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .startsWith(
            "error: cannot reach the Kubernetes API server at https://127.0.0.1:"
                + closedPort
                + "/ (from kubeconfig ")
        .contains(", in-cluster no (KUBERNETES_SERVICE_HOST unset)): ")
        .doesNotContain("\tat ")
        .hasLineCount(1);
  }

  @Test
  void aServerThatNeverAnswersFailsWithinSecondsNamingWhatWasTried(@TempDir Path dir)
      throws Exception {
    Path kubeconfig = Files.writeString(dir.resolve("config"), "");
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      RunCommand command =
          new RunCommand(
              Map.of("LOG_LEVEL", "error", "HTTP_PORT", "0", "KUBECONFIG", kubeconfig.toString()),
              // the client's production settings: retries and long timeouts
              () ->
                  new ConfigBuilder()
                      .withMasterUrl("https://127.0.0.1:" + silent.getLocalPort())
                      .build());
      Instant start = Instant.now();

      int code = new CommandLine(command).setErr(new PrintWriter(err, true)).execute();

      assertThat(code).isEqualTo(1);
      assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
      assertThat(err.toString())
          .contains("(from kubeconfig " + kubeconfig + ", in-cluster no")
          .hasLineCount(1);
    }
  }

  @Test
  void aMalformedKubeconfigIsOneLineWithoutAStackTrace(@TempDir Path dir) throws Exception {
    Path kubeconfig = Files.writeString(dir.resolve("config"), "clusters: [unclosed\n  - : :\n");
    String before = System.getProperty(Config.KUBERNETES_KUBECONFIG_FILE);
    System.setProperty(Config.KUBERNETES_KUBECONFIG_FILE, kubeconfig.toString());
    try {
      RunCommand command =
          new RunCommand(
              Map.of("LOG_LEVEL", "error", "HTTP_PORT", "0", "KUBECONFIG", kubeconfig.toString()),
              () -> Config.autoConfigure(null));

      int code = new CommandLine(command).setErr(new PrintWriter(err, true)).execute();

      assertThat(code).isEqualTo(1);
      assertThat(err.toString())
          .startsWith("error: ")
          .contains(kubeconfig.toString())
          .doesNotContain("\tat ")
          .hasLineCount(1);
    } finally {
      if (before == null) {
        System.clearProperty(Config.KUBERNETES_KUBECONFIG_FILE);
      } else {
        System.setProperty(Config.KUBERNETES_KUBECONFIG_FILE, before);
      }
    }
  }

  @Test
  void aConfigurationThatCannotBeLoadedIsOneLine() {
    RunCommand command =
        new RunCommand(
            Map.of("LOG_LEVEL", "error"),
            () -> {
              throw new IllegalStateException(
                  "Failed to parse the kubeconfig",
                  new RuntimeException("mapping values are not allowed here"));
            });

    int code = new CommandLine(command).setErr(new PrintWriter(err, true)).execute();

    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .startsWith("error: cannot load the Kubernetes client configuration (kubeconfig ")
        .contains("mapping values are not allowed here")
        .hasLineCount(1);
  }

  private int run(Map<String, String> env, int apiPort) {
    RunCommand command =
        new RunCommand(
            env,
            () ->
                new ConfigBuilder()
                    .withMasterUrl("https://127.0.0.1:" + apiPort)
                    .withRequestRetryBackoffLimit(0)
                    .withConnectionTimeout(2_000)
                    .build());
    return new CommandLine(command).setErr(new PrintWriter(err, true)).execute();
  }
}
