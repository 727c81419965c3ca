package io.fraudpipeline.functions.log;

import io.fraudpipeline.functions.json.Json;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON object per line on standard output, which Lambda ships to CloudWatch Logs, so Logs
 * Insights can filter on {@code transaction_id} without a logging framework in the package.
 */
public final class JsonLog {

  private final String logger;
  private final PrintStream out;

  private JsonLog(String logger, PrintStream out) {
    this.logger = logger;
    this.out = out;
  }

  public static JsonLog of(Class<?> type) {
    return new JsonLog(type.getSimpleName(), System.out);
  }

  public void info(String message, String transactionId, Object... keyValues) {
    write("INFO", message, transactionId, null, keyValues);
  }

  public void warn(String message, String transactionId, Object... keyValues) {
    write("WARN", message, transactionId, null, keyValues);
  }

  public void error(String message, String transactionId, Throwable error, Object... keyValues) {
    write("ERROR", message, transactionId, error, keyValues);
  }

  private void write(
      String level, String message, String transactionId, Throwable error, Object[] keyValues) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("time", Instant.now().toString());
    line.put("level", level);
    line.put("logger", logger);
    line.put("message", message);
    if (transactionId != null) {
      line.put("transaction_id", transactionId);
    }
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      Object value = keyValues[i + 1];
      line.put(
          String.valueOf(keyValues[i]),
          value instanceof Number || value == null ? value : value.toString());
    }
    if (error != null) {
      line.put("error", error.getClass().getName());
      line.put("error_message", String.valueOf(error.getMessage()));
    }
    String text = Json.write(line);
    synchronized (out) {
      out.println(text);
    }
  }
}
