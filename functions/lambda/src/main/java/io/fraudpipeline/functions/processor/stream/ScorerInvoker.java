package io.fraudpipeline.functions.processor.stream;

import io.fraudpipeline.functions.model.Transaction;
import java.util.List;

/** Hands transactions to the scorer, as one event, without waiting for their scores. */
public interface ScorerInvoker {

  /**
   * Returns once the scorer has accepted the event for processing.
   *
   * @param transactions at most {@link
   *     io.fraudpipeline.functions.model.ScoringPayload#MAX_EVENT_BYTES} once encoded
   * @throws RuntimeException when it was not accepted
   */
  void invoke(List<Transaction> transactions);
}
