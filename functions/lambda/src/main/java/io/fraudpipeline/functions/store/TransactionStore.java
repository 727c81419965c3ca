package io.fraudpipeline.functions.store;

import io.fraudpipeline.functions.model.Transaction;
import java.util.Optional;

/** The transactions table. */
public interface TransactionStore {

  /** The transaction stored under this id, read consistently; empty when there is none. */
  Optional<Transaction> find(String transactionId);

  /**
   * Writes the transaction unless an item with its key exists.
   *
   * @return false when the key was taken, in which case nothing was written
   */
  boolean putIfAbsent(Transaction transaction);
}
