package io.fraudpipeline.functions.testing;

import io.fraudpipeline.functions.model.FraudScore;
import io.fraudpipeline.functions.model.Transaction;
import io.fraudpipeline.functions.store.ScoreStore;
import io.fraudpipeline.functions.store.TransactionStore;
import java.util.Optional;
import java.util.OptionalLong;

/** Stores that fail the test when used: for paths that must not touch a table. */
public final class UntouchableStores {

  private UntouchableStores() {}

  public static TransactionStore transactions() {
    return new TransactionStore() {
      @Override
      public Optional<Transaction> find(String transactionId) {
        throw new AssertionError("read the transactions table");
      }

      @Override
      public Optional<Transaction> putIfAbsent(Transaction transaction, OptionalLong expiry) {
        throw new AssertionError("wrote the transactions table");
      }
    };
  }

  public static ScoreStore scores() {
    return new ScoreStore() {
      @Override
      public Optional<FraudScore> find(String transactionId) {
        throw new AssertionError("read the scores table");
      }

      @Override
      public boolean putIfAbsent(FraudScore score) {
        throw new AssertionError("wrote the scores table");
      }

      @Override
      public boolean claimAlert(String transactionId) {
        throw new AssertionError("claimed an alert");
      }

      @Override
      public void releaseAlert(String transactionId) {
        throw new AssertionError("released an alert");
      }
    };
  }
}
