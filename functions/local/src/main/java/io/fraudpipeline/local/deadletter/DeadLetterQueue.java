package io.fraudpipeline.local.deadletter;

import java.util.ArrayList;
import java.util.List;

/**
 * A local stand-in for one SQS dead-letter queue, in memory. Nothing is ever dropped from it: dead
 * letters are the messages that must not be lost, and there are few of them.
 */
public final class DeadLetterQueue {

  private final String name;
  private final List<DeadLetter> letters = new ArrayList<>();

  public DeadLetterQueue(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  public synchronized void add(DeadLetter letter) {
    letters.add(letter);
  }

  public synchronized List<DeadLetter> contents() {
    return List.copyOf(letters);
  }

  public synchronized int size() {
    return letters.size();
  }
}
