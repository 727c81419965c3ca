package io.fraudpipeline.functions.processor.stream;

import io.fraudpipeline.functions.log.JsonLog;
import io.fraudpipeline.functions.model.Transaction;
import io.fraudpipeline.functions.store.TransactionItems;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands the inserts of a stream batch to the scorer concurrently, on a bounded pool, and reports
 * the records that failed, so Lambda retries from the first of them instead of the whole batch.
 * Modifications and removals are not scored (an accepted transaction is never rewritten).
 */
public final class StreamDispatcher {

  /** Invokes in flight at once; enough to hide the round trip, few enough for one container. */
  public static final int DEFAULT_CONCURRENCY = 16;

  private static final JsonLog LOG = JsonLog.of(StreamDispatcher.class);

  private final ScorerInvoker scorer;
  private final ExecutorService executor;

  public StreamDispatcher(ScorerInvoker scorer, ExecutorService executor) {
    this.scorer = scorer;
    this.executor = executor;
  }

  /** A dispatcher with its own pool of daemon threads, which live as long as the container. */
  public static StreamDispatcher withConcurrency(ScorerInvoker scorer, int concurrency) {
    AtomicInteger count = new AtomicInteger();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            concurrency,
            task -> {
              Thread thread = new Thread(task, "scorer-invoke-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    return new StreamDispatcher(scorer, executor);
  }

  /**
   * Dispatches the batch and waits for every invoke.
   *
   * @return the sequence numbers of the records that were not handed over, in batch order
   */
  public List<String> dispatch(List<StreamRecord> records) {
    List<CompletableFuture<String>> pending = new ArrayList<>();
    for (StreamRecord record : records) {
      if (!record.isInsert()) {
        continue;
      }
      pending.add(CompletableFuture.supplyAsync(() -> handOver(record), executor));
    }
    List<String> failed = new ArrayList<>();
    for (CompletableFuture<String> future : pending) {
      String failure = future.join();
      if (failure != null) {
        failed.add(failure);
      }
    }
    LOG.info(
        "stream batch dispatched",
        null,
        "records",
        records.size(),
        "inserts",
        pending.size(),
        "failed",
        failed.size());
    return failed;
  }

  /** The record's sequence number when it failed, null when the scorer took it. */
  private String handOver(StreamRecord record) {
    Transaction transaction;
    try {
      if (record.newImage() == null) {
        throw new IllegalArgumentException("no NewImage (is the stream view NEW_IMAGE?)");
      }
      transaction = TransactionItems.fromItem(record.newImage());
    } catch (RuntimeException e) {
      LOG.error("stream record unreadable", null, e, "sequence_number", record.sequenceNumber());
      return record.sequenceNumber();
    }
    try {
      scorer.invoke(transaction);
      return null;
    } catch (RuntimeException e) {
      LOG.error(
          "scorer invoke failed",
          transaction.transactionId(),
          e,
          "sequence_number",
          record.sequenceNumber());
      return record.sequenceNumber();
    }
  }
}
