package io.fraudpipeline.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.ConfigBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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
                + "/: ")
        .doesNotContain("\tat ")
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
