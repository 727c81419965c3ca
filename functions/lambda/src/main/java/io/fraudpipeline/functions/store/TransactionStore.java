package io.fraudpipeline.functions.store;

import io.fraudpipeline.functions.model.Transaction;
import java.util.Optional;
import java.util.OptionalLong;

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
  default Optional<Transaction> putIfAbsent(Transaction transaction) {
    return putIfAbsent(transaction, OptionalLong.empty());
  }

  /**
   * The same, the item carrying the table's time-to-live attribute when {@code expiry} holds one.
   *
   * @param expiry epoch seconds after which DynamoDB may delete the item; empty for never
   */
  Optional<Transaction> putIfAbsent(Transaction transaction, OptionalLong expiry);
}
