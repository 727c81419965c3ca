package io.fraudpipeline.local.stream;

import io.fraudpipeline.functions.contract.TableSchema;
import io.fraudpipeline.functions.json.Json;
import io.fraudpipeline.local.deadletter.DeadLetter;
import io.fraudpipeline.local.deadletter.DeadLetterQueue;
import io.fraudpipeline.local.lambda.LocalFunction;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers the emulated stream to the processor the way Lambda's event source mapping does with the
 * operator's settings: in order, batches of up to {@code batchSize} records, only INSERTs (the
 * mapping's filter; other records are skipped). A reported partial failure retries from the first
 * failed record (those before it are done); a function error bisects the batch until the failing
 * record stands alone, and bisection itself costs no retry (as in Lambda). A batch that still fails
 * after {@code maximumRetryAttempts} retries goes to the dead-letter queue (the mapping's
 * on-failure destination), one message per record, and delivery moves on.
 */
public final class StreamPoller implements AutoCloseable {

  private static final Duration POLL_WAIT = Duration.ofMillis(200);

  private final ShardLog log;
  private final LocalFunction function;
  private final DeadLetterQueue deadLetters;
  private final StreamMappingSettings settings;
  private final Clock clock;
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong invocations = new AtomicLong();
  private volatile boolean running;
  private Thread thread;

  public StreamPoller(
      ShardLog log,
      LocalFunction function,
      DeadLetterQueue deadLetters,
      StreamMappingSettings settings,
      Clock clock) {
    this.log = log;
    this.function = function;
    this.deadLetters = deadLetters;
    this.settings = settings;
    this.clock = clock;
  }

  /** Starts polling on a thread of its own (one shard, parallelization factor 1). */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("already started");
    }
    running = true;
    thread = new Thread(this::run, "stream-poller");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    while (running) {
      try {
        pollOnce(POLL_WAIT);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /**
   * Takes one batch from the log, waiting up to {@code wait} for it, and delivers it until every
   * record is done or dead-lettered.
   *
   * @return how many records were taken (INSERTs and skipped ones)
   */
  public int pollOnce(Duration wait) throws InterruptedException {
    List<ShardRecord> taken = log.take(settings.batchSize(), wait);
    List<ShardRecord> inserts = taken.stream().filter(ShardRecord::isInsert).toList();
    if (!inserts.isEmpty()) {
      deliver(inserts, 0);
    }
    return taken.size();
  }

  private void deliver(List<ShardRecord> batch, int priorAttempts) throws InterruptedException {
    List<ShardRecord> remaining = batch;
    int attempts = priorAttempts;
    while (true) {
      BatchOutcome outcome = invoke(remaining);
      if (outcome.succeeded(remaining.size())) {
        delivered.addAndGet(remaining.size());
        return;
      }
      delivered.addAndGet(outcome.firstFailed());
      remaining = remaining.subList(outcome.firstFailed(), remaining.size());
      if (outcome.functionError() && remaining.size() > 1) {
        int half = remaining.size() / 2;
        deliver(new ArrayList<>(remaining.subList(0, half)), attempts);
        deliver(new ArrayList<>(remaining.subList(half, remaining.size())), attempts);
        return;
      }
      attempts++;
      if (settings.exhausted(attempts)) {
        deadLetter(remaining, outcome.reason(), attempts);
        return;
      }
      if (!running && thread != null) {
        // shutting down: the records stay unprocessed, as in a stopped mapping
        throw new InterruptedException("stream poller stopped");
      }
      TimeUnit.NANOSECONDS.sleep(settings.delayBefore(attempts).toNanos());
    }
  }

  private BatchOutcome invoke(List<ShardRecord> batch) {
    invocations.incrementAndGet();
    byte[] event =
        Json.writeBytes(Map.of("Records", batch.stream().map(ShardRecord::json).toList()));
    byte[] response;
    try {
      response = function.invoke(event);
    } catch (RuntimeException e) {
      return BatchOutcome.error(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    return BatchOutcome.read(response, batch);
  }

  private void deadLetter(List<ShardRecord> records, String reason, int attempts) {
    for (ShardRecord record : records) {
      deadLetters.add(
          new DeadLetter(
              deadLetters.name(),
              transactionIds(record),
              record.sequenceNumber(),
              reason,
              attempts,
              clock.instant(),
              record.json()));
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> transactionIds(ShardRecord record) {
    Object dynamodb = record.json().get("dynamodb");
    Object keys = dynamodb instanceof Map<?, ?> d ? d.get("Keys") : null;
    Object id = keys instanceof Map<?, ?> k ? k.get(TableSchema.TRANSACTION_ID) : null;
    Object s = id instanceof Map<?, ?> typed ? ((Map<String, Object>) typed).get("S") : null;
    return s instanceof String text ? List.of(text) : List.of();
  }

  /** Records the function finished with (not counting dead-lettered ones). */
  public long deliveredCount() {
    return delivered.get();
  }

  public long invocationCount() {
    return invocations.get();
  }

  /** Stops after the batch in hand; a record being retried stays unprocessed. */
  @Override
  public void close() {
    Thread poller;
    synchronized (this) {
      running = false;
      poller = thread;
    }
    if (poller == null) {
      return;
    }
    try {
      poller.join(2_000);
      if (poller.isAlive()) {
        poller.interrupt();
        poller.join(2_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
