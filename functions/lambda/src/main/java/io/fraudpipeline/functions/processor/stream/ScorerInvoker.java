package io.fraudpipeline.functions.processor.stream;

import io.fraudpipeline.functions.model.Transaction;

/** Hands a transaction to the scorer without waiting for the score. */
public interface ScorerInvoker {

  /**
   * Returns once the scorer has accepted the transaction for processing.
   *
   * @throws RuntimeException when it was not accepted
   */
  void invoke(Transaction transaction);
}
