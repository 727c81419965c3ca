package io.fraudpipeline.local.scorer;

import io.fraudpipeline.functions.json.Json;
import io.fraudpipeline.functions.model.ScoringPayload;
import io.fraudpipeline.local.deadletter.DeadLetter;
import io.fraudpipeline.local.deadletter.DeadLetterQueue;
import io.fraudpipeline.local.lambda.LocalFunction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Asynchronous invocations of one function ({@code InvocationType=Event}) in this process: {@link
 * #submit} queues the event and returns at once, as Lambda answers 202; workers run the function; a
 * failed event is retried after a delay and, when its retries are used up, becomes a message in the
 * dead-letter queue (the function's on-failure destination) with the last error.
 */
public final class AsyncInvocations implements AutoCloseable {

  private final LocalFunction function;
  private final DeadLetterQueue deadLetters;
  private final AsyncInvocationSettings settings;
  private final Clock clock;
  private final ThreadPoolExecutor workers;
  private final ScheduledExecutorService retries;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong succeeded = new AtomicLong();
  private final Object idle = new Object();

  public AsyncInvocations(
      String functionName,
      LocalFunction function,
      DeadLetterQueue deadLetters,
      AsyncInvocationSettings settings,
      Clock clock) {
    this.function = function;
    this.deadLetters = deadLetters;
    this.settings = settings;
    this.clock = clock;
    AtomicInteger count = new AtomicInteger();
    this.workers =
        new ThreadPoolExecutor(
            settings.concurrency(),
            settings.concurrency(),
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            task -> daemon(task, functionName + "-" + count.incrementAndGet()));
    this.retries =
        Executors.newSingleThreadScheduledExecutor(
            task -> daemon(task, functionName + "-retry-timer"));
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }

  /**
   * Queues one event.
   *
   * @throws RejectedExecutionException when the invocations are shut down
   */
  public void submit(byte[] event) {
    inFlight.incrementAndGet();
    try {
      workers.execute(() -> attempt(event, UUID.randomUUID().toString(), 1));
    } catch (RejectedExecutionException e) {
      finished();
      throw e;
    }
  }

  private void attempt(byte[] event, String requestId, int attempt) {
    try {
      function.invoke(event);
      succeeded.incrementAndGet();
      finished();
    } catch (RuntimeException e) {
      String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
      if (attempt > settings.maximumRetryAttempts()) {
        deadLetter(event, requestId, reason, attempt);
        finished();
        return;
      }
      Duration delay = settings.delayBefore(attempt);
      try {
        retries.schedule(
            () -> resubmit(event, requestId, attempt + 1, reason),
            delay.toNanos(),
            TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException stopped) {
        deadLetter(event, requestId, reason + " (not retried: shutting down)", attempt);
        finished();
      }
    }
  }

  private void resubmit(byte[] event, String requestId, int attempt, String lastReason) {
    try {
      workers.execute(() -> attempt(event, requestId, attempt));
    } catch (RejectedExecutionException stopped) {
      deadLetter(event, requestId, lastReason + " (not retried: shutting down)", attempt - 1);
      finished();
    }
  }

  private void deadLetter(byte[] event, String requestId, String reason, int attempts) {
    Object payload;
    List<String> transactionIds = List.of();
    try {
      Map<String, Object> json = Json.readObject(event);
      payload = json;
      transactionIds = ScoringPayload.transactionIds(json);
    } catch (RuntimeException unreadable) {
      payload = new String(event, StandardCharsets.UTF_8);
    }
    deadLetters.add(
        new DeadLetter(
            deadLetters.name(),
            transactionIds,
            requestId,
            reason,
            attempts,
            clock.instant(),
            payload));
  }

  private void finished() {
    if (inFlight.decrementAndGet() == 0) {
      synchronized (idle) {
        idle.notifyAll();
      }
    }
  }

  /** Events queued, running or waiting for a retry. */
  public int inFlight() {
    return inFlight.get();
  }

  public long succeededCount() {
    return succeeded.get();
  }

  /**
   * Waits until no event is queued, running or waiting for a retry.
   *
   * @return false when the time ran out first
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (idle) {
      while (inFlight.get() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(idle, left);
      }
    }
    return true;
  }

  /** Lets queued events and pending retries finish for a few seconds, then stops. */
  @Override
  public void close() {
    try {
      awaitIdle(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    retries.shutdownNow();
    workers.shutdown();
    try {
      if (!workers.awaitTermination(2, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
