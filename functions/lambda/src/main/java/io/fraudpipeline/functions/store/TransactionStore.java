package io.fraudpipeline.functions.store;

import io.fraudpipeline.functions.model.Transaction;
import java.util.Optional;

/** The transactions table, keyed by {@code transaction_id} alone. */
public interface TransactionStore {

  /** The transaction stored under this id, read consistently; empty when there is none. */
  Optional<Transaction> find(String transactionId);

  /**
   * Writes the transaction unless its id is taken, in one atomic step.
   *
   * @return empty when it was written; otherwise the transaction that holds the id, and nothing was
   *     written
   */
  Optional<Transaction> putIfAbsent(Transaction transaction);
}
