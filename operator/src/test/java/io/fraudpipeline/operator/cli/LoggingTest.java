package io.fraudpipeline.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

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
}
