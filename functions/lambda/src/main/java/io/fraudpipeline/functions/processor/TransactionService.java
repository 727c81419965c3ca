package io.fraudpipeline.functions.processor;

import io.fraudpipeline.functions.model.FraudScore;
import io.fraudpipeline.functions.model.Transaction;
import io.fraudpipeline.functions.store.ScoreStore;
import io.fraudpipeline.functions.store.TransactionStore;
import java.util.Optional;

/** Accepts transactions idempotently and looks them up with their score. */
public final class TransactionService {

  /** What became of a submitted transaction. */
  public enum Outcome {
    /** Written now; the stream takes it to the scorer. */
    ACCEPTED,
    /** The same transaction was accepted before; nothing written. */
    ALREADY_ACCEPTED,
    /** Its id is taken by a different transaction; nothing written. */
    CONFLICT
  }

  /** A stored transaction and, once scored, its score. */
  public record TransactionView(Transaction transaction, Optional<FraudScore> score) {}

  private final TransactionStore transactions;
  private final ScoreStore scores;

  public TransactionService(TransactionStore transactions, ScoreStore scores) {
    this.transactions = transactions;
    this.scores = scores;
  }

  public Outcome submit(Transaction transaction) {
    return transactions
        .putIfAbsent(transaction)
        .map(stored -> compare(stored, transaction))
        .orElse(Outcome.ACCEPTED);
  }

  private static Outcome compare(Transaction stored, Transaction submitted) {
    return stored.sameAs(submitted) ? Outcome.ALREADY_ACCEPTED : Outcome.CONFLICT;
  }

  public Optional<TransactionView> find(String transactionId) {
    return transactions
        .find(transactionId)
        .map(transaction -> new TransactionView(transaction, scores.find(transactionId)));
  }
}
