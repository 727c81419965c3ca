package io.fraudpipeline.functions.processor.stream;

import io.fraudpipeline.functions.log.JsonLog;
import io.fraudpipeline.functions.model.ScoringPayload;
import io.fraudpipeline.functions.model.Transaction;
import io.fraudpipeline.functions.store.TransactionItems;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands the inserts of a stream batch to the scorer as few events as the event limits allow (one
 * for a batch of 100), sent concurrently on a bounded pool, and reports the records that failed, so
 * Lambda retries from the first of them instead of the whole batch. Modifications and removals are
 * not scored (an accepted transaction is never rewritten).
 */
public final class StreamDispatcher {

  /** Events in flight at once; enough to hide the round trip, few enough for one container. */
  public static final int DEFAULT_CONCURRENCY = 16;

  private static final JsonLog LOG = JsonLog.of(StreamDispatcher.class);

  private final ScorerInvoker scorer;
  private final ExecutorService executor;
  private final int maxEventBytes;

  public StreamDispatcher(ScorerInvoker scorer, ExecutorService executor) {
    this(scorer, executor, ScoringPayload.MAX_EVENT_BYTES);
  }

  /** With a smaller event size, so tests can split a batch without building megabytes. */
  StreamDispatcher(ScorerInvoker scorer, ExecutorService executor, int maxEventBytes) {
    this.scorer = scorer;
    this.executor = executor;
    this.maxEventBytes = maxEventBytes;
  }

  /** A dispatcher with its own pool of daemon threads, which live as long as the container. */
  public static StreamDispatcher withConcurrency(ScorerInvoker scorer, int concurrency) {
    return new StreamDispatcher(scorer, pool(concurrency));
  }

  static ExecutorService pool(int concurrency) {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(
        concurrency,
        task -> {
          Thread thread = new Thread(task, "scorer-invoke-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  /**
   * Dispatches the batch and waits for every invoke.
   *
   * @return the sequence numbers of the records that were not handed over, in batch order
   */
  public List<String> dispatch(List<StreamRecord> records) {
    List<String> failed = new ArrayList<>();
    List<Event> events = new ArrayList<>();
    Event open = new Event();
    int inserts = 0;
    for (StreamRecord record : records) {
      if (!record.isInsert()) {
        continue;
      }
      inserts++;
      Transaction transaction = read(record);
      if (transaction == null) {
        failed.add(record.sequenceNumber());
        continue;
      }
      int size = ScoringPayload.encodedSize(transaction);
      if (!open.isEmpty()
          && (open.bytes + size > maxEventBytes
              || open.transactions.size() == ScoringPayload.MAX_EVENT_TRANSACTIONS)) {
        events.add(open);
        open = new Event();
      }
      open.add(record, transaction, size);
    }
    if (!open.isEmpty()) {
      events.add(open);
    }
    List<CompletableFuture<List<String>>> pending = new ArrayList<>();
    for (Event event : events) {
      pending.add(CompletableFuture.supplyAsync(() -> handOver(event), executor));
    }
    for (CompletableFuture<List<String>> future : pending) {
      failed.addAll(future.join());
    }
    Set<String> failedSet = new HashSet<>(failed);
    List<String> inBatchOrder =
        records.stream().map(StreamRecord::sequenceNumber).filter(failedSet::contains).toList();
    LOG.info(
        "stream batch dispatched",
        null,
        "records",
        records.size(),
        "inserts",
        inserts,
        "events",
        events.size(),
        "failed",
        inBatchOrder.size());
    return inBatchOrder;
  }

  /** The record's transaction, or null when it cannot be read (logged). */
  private static Transaction read(StreamRecord record) {
    try {
      if (record.newImage() == null) {
        throw new IllegalArgumentException("no NewImage (is the stream view NEW_IMAGE?)");
      }
      return TransactionItems.fromItem(record.newImage());
    } catch (RuntimeException e) {
      LOG.error("stream record unreadable", null, e, "sequence_number", record.sequenceNumber());
      return null;
    }
  }

  /** The sequence numbers of the event's records when the scorer did not take it, else none. */
  private List<String> handOver(Event event) {
    try {
      scorer.invoke(event.transactions);
      return List.of();
    } catch (RuntimeException e) {
      LOG.error(
          "scorer invoke failed",
          event.transactions.get(0).transactionId(),
          e,
          "transactions",
          event.transactions.size(),
          "first_sequence_number",
          event.sequenceNumbers.get(0));
      return event.sequenceNumbers;
    }
  }

  /** The transactions of one scorer event, with the records they came from. */
  private static final class Event {
    final List<Transaction> transactions = new ArrayList<>();
    final List<String> sequenceNumbers = new ArrayList<>();
    int bytes = ScoringPayload.emptySize();

    void add(StreamRecord record, Transaction transaction, int size) {
      transactions.add(transaction);
      sequenceNumbers.add(record.sequenceNumber());
      bytes += size;
    }

    boolean isEmpty() {
      return transactions.isEmpty();
    }
  }
}
