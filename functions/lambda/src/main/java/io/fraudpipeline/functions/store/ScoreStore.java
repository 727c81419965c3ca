package io.fraudpipeline.functions.store;

import io.fraudpipeline.functions.model.FraudScore;
import java.util.Optional;

/** The fraud scores table: one score per transaction, written once. */
public interface ScoreStore {

  /** The score of this transaction, read consistently; empty when it is not scored yet. */
  Optional<FraudScore> find(String transactionId);

  /**
   * Stores the score unless the transaction has one already.
   *
   * @return false when a score existed, in which case it is left as it was
   */
  boolean putIfAbsent(FraudScore score);

  /**
   * Marks the alert of a transaction whose score is due one as taken, atomically.
   *
   * @return true for exactly one caller; false when it was taken before
   */
  boolean claimAlert(String transactionId);

  /** Gives a claimed alert back after its publication failed, so a retry may publish it. */
  void releaseAlert(String transactionId);
}
