package io.fraudpipeline.local.deadletter;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One message in a local dead-letter queue: what failed (a stream record or a scorer event), why,
 * after how many attempts, and the payload itself so it can be inspected or replayed.
 *
 * @param queue the queue's AWS name, e.g. {@code fraud-scorer-dlq-local}
 * @param transactionIds the transactions concerned, those that could be read (a scorer event holds
 *     the inserts of one stream batch)
 * @param reference a stream record's sequence number, or the invocation's request id
 * @param reason the last error
 * @param attempts how often delivery was tried
 * @param payload the record or event as delivered (JSON)
 */
public record DeadLetter(
    String queue,
    List<String> transactionIds,
    String reference,
    String reason,
    int attempts,
    Instant failedAt,
    Object payload) {

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("queue", queue);
    json.put("transaction_ids", transactionIds);
    json.put("reference", reference);
    json.put("reason", reason);
    json.put("attempts", attempts);
    json.put("failed_at", failedAt.toString());
    json.put("payload", payload);
    return json;
  }
}
