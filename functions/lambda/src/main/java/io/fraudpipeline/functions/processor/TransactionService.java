package io.fraudpipeline.functions.processor;

import io.fraudpipeline.functions.contract.Synthetic;
import io.fraudpipeline.functions.model.FraudScore;
import io.fraudpipeline.functions.model.Transaction;
import io.fraudpipeline.functions.store.ScoreStore;
import io.fraudpipeline.functions.store.TransactionStore;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Accepts transactions idempotently and looks them up with their score. A synthetic transaction
 * (the pipeline's check) is stored with the table's time to live, {@link Synthetic#TTL_SECONDS}
 * ahead; no other transaction expires.
 */
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
  private final Clock clock;

  public TransactionService(TransactionStore transactions, ScoreStore scores, Clock clock) {
    this.transactions = transactions;
    this.scores = scores;
    this.clock = clock;
  }

  public Outcome submit(Transaction transaction) {
    OptionalLong expiry =
        Synthetic.isSynthetic(transaction.transactionId())
            ? OptionalLong.of(clock.instant().getEpochSecond() + Synthetic.TTL_SECONDS)
            : OptionalLong.empty();
    return transactions
        .putIfAbsent(transaction, expiry)
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
