package io.fraudpipeline.functions.check;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run of the pipeline check: whether its synthetic transaction was scored in time, the
 * milliseconds from its POST to the score read back (on success), and otherwise why not, in one
 * line.
 */
public record CheckResult(
    boolean succeeded, String transactionId, long latencyMillis, String reason) {

  static CheckResult success(String transactionId, long latencyMillis) {
    return new CheckResult(true, transactionId, latencyMillis, null);
  }

  static CheckResult failure(String transactionId, String reason) {
    return new CheckResult(false, transactionId, 0, reason);
  }

  /** What the handler answers the invocation with. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("succeeded", succeeded);
    json.put("transaction_id", transactionId);
    if (succeeded) {
      json.put("latency_ms", latencyMillis);
    } else {
      json.put("reason", reason);
    }
    return json;
  }
}
