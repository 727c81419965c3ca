package io.fraudpipeline.local.stream;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The single shard of the emulated stream: records in write order with increasing sequence numbers,
 * read once by the stream poller (the only consumer, as with one event source mapping). What the
 * poller has taken is its own to checkpoint; the log keeps only what it has not read yet.
 */
public final class ShardLog {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition appended = lock.newCondition();
  private final Deque<ShardRecord> unread = new ArrayDeque<>();
  private long nextSequence = 1;
  private long appendedCount;

  /** Assigns the next sequence number and appends the record built with it, atomically. */
  public ShardRecord append(Function<String, ShardRecord> build) {
    lock.lock();
    try {
      // DynamoDB's sequence numbers are decimal strings of growing value; pad so they also sort
      String sequence = String.format("%021d", nextSequence++);
      ShardRecord record = build.apply(sequence);
      unread.addLast(record);
      appendedCount++;
      appended.signalAll();
      return record;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Takes up to {@code max} records in order, waiting up to {@code wait} for the first one.
   *
   * @return the records, empty when none arrived in time
   */
  public List<ShardRecord> take(int max, Duration wait) throws InterruptedException {
    lock.lock();
    try {
      long nanos = wait.toNanos();
      while (unread.isEmpty() && nanos > 0) {
        nanos = appended.awaitNanos(nanos);
      }
      List<ShardRecord> taken = new ArrayList<>(Math.min(max, unread.size()));
      while (taken.size() < max && !unread.isEmpty()) {
        taken.add(unread.removeFirst());
      }
      return taken;
    } finally {
      lock.unlock();
    }
  }

  /** Records written since start, read or not. */
  public long appendedCount() {
    lock.lock();
    try {
      return appendedCount;
    } finally {
      lock.unlock();
    }
  }
}
