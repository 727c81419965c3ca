package io.fraudpipeline.local.scorer;

import io.fraudpipeline.functions.model.ScoringPayload;
import io.fraudpipeline.functions.model.Transaction;
import io.fraudpipeline.functions.processor.stream.ScorerInvoker;
import java.util.List;

/**
 * The processor's scorer invoker in local mode: queues the same payload the Lambda invoker sends to
 * the in-process asynchronous invocations of the scorer, and returns once it is queued.
 */
public final class QueuedScorerInvoker implements ScorerInvoker {

  private final AsyncInvocations scorer;

  public QueuedScorerInvoker(AsyncInvocations scorer) {
    this.scorer = scorer;
  }

  @Override
  public void invoke(List<Transaction> transactions) {
    scorer.submit(ScoringPayload.toJson(transactions));
  }
}
