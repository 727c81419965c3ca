package io.fraudpipeline.functions.testing;

import io.fraudpipeline.functions.json.Json;
import io.fraudpipeline.functions.metrics.EmfDocument;
import io.fraudpipeline.functions.metrics.MetricsSink;
import io.fraudpipeline.functions.metrics.PipelineMetrics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The EMF lines the functions write, kept as they would be printed (each read back from its JSON
 * text), so tests assert on what CloudWatch would receive.
 */
public final class RecordedMetrics implements MetricsSink {

  public static final String PIPELINE = "test-pipeline";

  private final List<Map<String, Object>> lines = new CopyOnWriteArrayList<>();

  @Override
  public void emit(EmfDocument document) {
    for (Map<String, Object> line : document.toJson(1_700_000_000_000L)) {
      lines.add(Json.readObject(Json.write(line).getBytes(StandardCharsets.UTF_8)));
    }
  }

  public PipelineMetrics metrics() {
    return new PipelineMetrics(PIPELINE, this);
  }

  public List<Map<String, Object>> lines() {
    return List.copyOf(lines);
  }

  /** The sum of a metric's values over every line, whatever its dimensions, where they match. */
  public long sum(String metric, Map<String, String> dimensions) {
    long sum = 0;
    for (Map<String, Object> line : lines) {
      if (!line.containsKey(metric)
          || !dimensions.entrySet().stream()
              .allMatch(d -> d.getValue().equals(line.get(d.getKey())))) {
        continue;
      }
      Object value = line.get(metric);
      if (value instanceof List<?> values) {
        for (Object v : values) {
          sum += ((Number) v).longValue();
        }
      } else {
        sum += ((Number) value).longValue();
      }
    }
    return sum;
  }

  public long sum(String metric) {
    return sum(metric, Map.of());
  }
}
