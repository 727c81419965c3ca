package io.fraudpipeline.local.deadletter;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One message in a local dead-letter queue: what failed (a stream record or a scorer event), why,
 * after how many attempts, and the payload itself so it can be inspected or replayed.
 *
 * @param queue the queue's AWS name, e.g. {@code fraud-scorer-dlq-local}
 * @param transactionId the transaction concerned, when it could be read
 * @param reference a stream record's sequence number, or the invocation's request id
 * @param reason the last error
 * @param attempts how often delivery was tried
 * @param payload the record or event as delivered (JSON)
 */
public record DeadLetter(
    String queue,
    String transactionId,
    String reference,
    String reason,
    int attempts,
    Instant failedAt,
    Object payload) {

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("queue", queue);
    json.put("transaction_id", transactionId);
    json.put("reference", reference);
    json.put("reason", reason);
    json.put("attempts", attempts);
    json.put("failed_at", failedAt.toString());
    json.put("payload", payload);
    return json;
  }
}
