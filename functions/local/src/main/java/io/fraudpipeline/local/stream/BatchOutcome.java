package io.fraudpipeline.local.stream;

import io.fraudpipeline.functions.json.Json;
import java.util.List;
import java.util.Map;

/**
 * What one invocation of the stream function said about its batch, read the way Lambda reads a
 * partial batch response: no failures means the whole batch is done; failures name records by
 * sequence number and the batch is done up to the first of them; an error, or a failure that names
 * no record of the batch, fails the whole batch.
 *
 * @param firstFailed index in the batch of the first record to retry; the batch size when done
 * @param functionError whether the invocation failed as a whole (then the batch may be bisected)
 * @param reason why it failed, null when done
 */
record BatchOutcome(int firstFailed, boolean functionError, String reason) {

  static BatchOutcome done(int size) {
    return new BatchOutcome(size, false, null);
  }

  static BatchOutcome error(String reason) {
    return new BatchOutcome(0, true, reason);
  }

  boolean succeeded(int size) {
    return firstFailed >= size;
  }

  static BatchOutcome read(byte[] response, List<ShardRecord> batch) {
    Map<String, Object> body;
    try {
      body = Json.readObject(response);
    } catch (RuntimeException e) {
      return error("the response " + e.getMessage());
    }
    Object failures = body.get("batchItemFailures");
    if (failures == null) {
      return done(batch.size());
    }
    if (!(failures instanceof List<?> list)) {
      return error("batchItemFailures is not a list");
    }
    int first = batch.size();
    for (Object failure : list) {
      Object id = failure instanceof Map<?, ?> map ? map.get("itemIdentifier") : null;
      int index = indexOf(batch, id);
      if (index < 0) {
        return error("batchItemFailures names no record of the batch: " + id);
      }
      first = Math.min(first, index);
    }
    return first >= batch.size()
        ? done(batch.size())
        : new BatchOutcome(first, false, "the function reported " + list.size() + " failed");
  }

  private static int indexOf(List<ShardRecord> batch, Object id) {
    if (!(id instanceof String sequence) || sequence.isEmpty()) {
      return -1;
    }
    for (int i = 0; i < batch.size(); i++) {
      if (batch.get(i).sequenceNumber().equals(sequence)) {
        return i;
      }
    }
    return -1;
  }
}
