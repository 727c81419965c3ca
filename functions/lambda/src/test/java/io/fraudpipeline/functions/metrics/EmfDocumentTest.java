package io.fraudpipeline.functions.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudpipeline.functions.json.Json;
import io.fraudpipeline.functions.testing.EmfSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmfDocumentTest {

  private static final long NOW = 1_765_000_000_123L;

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final StdoutMetrics stdout =
      new StdoutMetrics(
          new PrintStream(printed, true, StandardCharsets.UTF_8),
          Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));

  private List<Map<String, Object>> lines() {
    return printed
        .toString(StandardCharsets.UTF_8)
        .lines()
        .map(line -> Json.readObject(line.getBytes(StandardCharsets.UTF_8)))
        .toList();
  }

  @Test
  void aDocumentIsOneLineTheSpecificationAccepts() {
    stdout.emit(
        EmfDocument.in("FraudPipeline")
            .dimension("Pipeline", "payments")
            .dimension("Reason", "conflict")
            .dimensionSet("Pipeline")
            .dimensionSet("Pipeline", "Reason")
            .count("TransactionsRejected", 3)
            .add("ScoringLatency", MetricUnit.MILLISECONDS, 12.5)
            .add("ScoringLatency", MetricUnit.MILLISECONDS, 40));

    assertThat(lines()).hasSize(1);
    Map<String, Object> line = lines().get(0);
    EmfSpec.check(line);
    assertThat(line)
        .containsEntry("Pipeline", "payments")
        .containsEntry("Reason", "conflict")
        .containsEntry("TransactionsRejected", 3)
        .containsEntry("ScoringLatency", List.of(new java.math.BigDecimal("12.5"), 40));
    @SuppressWarnings("unchecked")
    Map<String, Object> aws = (Map<String, Object>) line.get("_aws");
    assertThat(aws).containsEntry("Timestamp", NOW);
    assertThat(Json.write(aws.get("CloudWatchMetrics")))
        .isEqualTo(
            "[{\"Namespace\":\"FraudPipeline\",\"Dimensions\":[[\"Pipeline\"],[\"Pipeline\",\"Reason\"]],"
                + "\"Metrics\":[{\"Name\":\"TransactionsRejected\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"ScoringLatency\",\"Unit\":\"Milliseconds\"}]}]");
  }

  @Test
  void moreValuesThanTheFormatTakesGoOnFurtherLinesAndNoneIsLost() {
    EmfDocument document =
        EmfDocument.in("FraudPipeline").dimension("Pipeline", "p").dimensionSet("Pipeline");
    for (int i = 1; i <= 250; i++) {
      document.add("AlertRate", MetricUnit.PERCENT, i % 2 == 0 ? 100 : 0);
    }
    document.count("TransactionsScored", 250);

    stdout.emit(document);

    List<Map<String, Object>> lines = lines();
    assertThat(lines).hasSize(3).allSatisfy(EmfSpec::check);
    assertThat(lines)
        .extracting(line -> ((List<?>) line.get("AlertRate")).size())
        .containsExactly(100, 100, 50);
    // the single-valued count is written once, on the first line only
    assertThat(lines).filteredOn(line -> line.containsKey("TransactionsScored")).hasSize(1);
    long alerted =
        lines.stream()
            .flatMap(line -> ((List<?>) line.get("AlertRate")).stream())
            .filter(value -> ((Number) value).intValue() == 100)
            .count();
    assertThat(alerted).isEqualTo(125);
  }

  @Test
  void aDimensionSetNamingADimensionWithoutAValueIsRefused() {
    assertThatThrownBy(() -> EmfDocument.in("FraudPipeline").dimensionSet("Pipeline"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Pipeline");
  }

  @Test
  void aDocumentWithoutMetricsPrintsNothing() {
    stdout.emit(
        EmfDocument.in("FraudPipeline").dimension("Pipeline", "p").dimensionSet("Pipeline"));

    assertThat(printed.size()).isZero();
  }
}
