package io.fraudpipeline.local.alerts;

import io.fraudpipeline.functions.json.Json;
import io.fraudpipeline.functions.scorer.AlertPublisher;
import io.fraudpipeline.functions.scorer.FraudAlert;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local stand-in for the fraud alert topic: prints each alert as one JSON line and keeps the
 * latest ones for {@code GET /alerts}. A long run keeps only the last {@link #KEPT} in memory.
 */
public final class ConsoleAlertPublisher implements AlertPublisher {

  public static final int KEPT = 10_000;

  private final PrintStream out;
  private final Deque<Map<String, Object>> latest = new ArrayDeque<>();
  private long published;

  public ConsoleAlertPublisher(PrintStream out) {
    this.out = out;
  }

  @Override
  public void publish(FraudAlert alert) {
    Map<String, Object> json = toJson(alert);
    String line = Json.write(Map.of("fraud_alert", json));
    synchronized (this) {
      latest.addLast(json);
      if (latest.size() > KEPT) {
        latest.removeFirst();
      }
      published++;
    }
    synchronized (out) {
      out.println(line);
    }
  }

  public synchronized List<Map<String, Object>> latest() {
    return List.copyOf(latest);
  }

  public synchronized long publishedCount() {
    return published;
  }

  static Map<String, Object> toJson(FraudAlert alert) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("transaction_id", alert.transactionId());
    json.put("fraud_score", alert.score());
    json.put("alert_threshold", alert.alertThreshold());
    json.put("amount", alert.amount());
    json.put("merchant", alert.merchant());
    json.put("timestamp", alert.timestamp());
    return json;
  }
}
