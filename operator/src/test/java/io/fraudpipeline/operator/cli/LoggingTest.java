package io.fraudpipeline.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** LOG_FORMAT=json gives one JSON object per line; LOG_LEVEL filters. */
class LoggingTest {

  @Test
  void jsonLinesAtTheConfiguredLevel() throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
      Logging.configure("warn", "json");
      var log = LoggerFactory.getLogger("io.fraudpipeline.test");
      log.info("not shown");
      log.warn("pipeline {} stalled", "payments");
    } finally {
      System.setOut(original);
      Logging.configure("info", "text");
    }
    String[] lines = buffer.toString(StandardCharsets.UTF_8).strip().split("\n");
    assertThat(lines).hasSize(1);
    JsonNode line = new ObjectMapper().readTree(lines[0]);
    assertThat(line.get("level").asText()).isEqualTo("WARN");
    assertThat(line.get("formattedMessage").asText()).isEqualTo("pipeline payments stalled");
    assertThat(line.get("loggerName").asText()).isEqualTo("io.fraudpipeline.test");
    assertThat(line.has("timestamp")).isTrue();
  }

  @Test
  void theReconciledPipelineIsOnEachLineInBothFormats() throws Exception {
    String json = logDuringReconcile("json");
    JsonNode line = new ObjectMapper().readTree(json.strip());
    assertThat(line.get("mdc").get("resource.namespace").asText()).isEqualTo("fraud-dev");
    assertThat(line.get("mdc").get("resource.name").asText()).isEqualTo("payments");

    String text = logDuringReconcile("text");
    assertThat(text).contains(" [fraud-dev/payments] - created 3 managed resources");

    // outside a reconcile, no empty brackets
    assertThat(capture("text", () -> LoggerFactory.getLogger("x").info("started")))
        .contains(" x - started")
        .doesNotContain("[/]");
  }

  /** What JOSDK does around each reconcile: the pipeline in the MDC. */
  private static String logDuringReconcile(String format) {
    return capture(
        format,
        () -> {
          MDC.put("resource.namespace", "fraud-dev");
          MDC.put("resource.name", "payments");
          try {
            LoggerFactory.getLogger("io.fraudpipeline.test").info("created 3 managed resources");
          } finally {
            MDC.clear();
          }
        });
  }

  private static String capture(String format, Runnable logging) {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
      Logging.configure("info", format);
      logging.run();
    } finally {
      System.setOut(original);
      Logging.configure("info", "text");
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
