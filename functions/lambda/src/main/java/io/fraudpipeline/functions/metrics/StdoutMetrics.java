package io.fraudpipeline.functions.metrics;

import io.fraudpipeline.functions.json.Json;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * Writes each document as one JSON line on standard output, which Lambda ships to the function's
 * log group, where CloudWatch extracts the metrics; the local mode prints the same lines.
 */
public final class StdoutMetrics implements MetricsSink {

  private final PrintStream out;
  private final Clock clock;

  public StdoutMetrics(PrintStream out, Clock clock) {
    this.out = out;
    this.clock = clock;
  }

  public static StdoutMetrics system() {
    return new StdoutMetrics(System.out, Clock.systemUTC());
  }

  @Override
  public void emit(EmfDocument document) {
    if (document.isEmpty()) {
      return;
    }
    for (Map<String, Object> line : document.toJson(clock.millis())) {
      String text = Json.write(line);
      synchronized (out) {
        out.println(text);
      }
    }
  }
}
