package io.fraudpipeline.functions.testing;

import io.fraudpipeline.functions.metrics.PipelineMetrics;
import io.fraudpipeline.functions.processor.TransactionProcessorHandler;
import io.fraudpipeline.functions.processor.TransactionService;
import io.fraudpipeline.functions.processor.api.CheckCaller;
import io.fraudpipeline.functions.processor.api.TransactionApi;
import io.fraudpipeline.functions.processor.stream.StreamDispatcher;
import io.fraudpipeline.functions.store.ScoreStore;
import io.fraudpipeline.functions.store.TransactionStore;
import java.time.Clock;

/** Processor handlers wired as the Lambda wiring does, over the stores and invoker a test gives. */
public final class Processors {

  private Processors() {}

  /** No check deployed, metrics recorded into {@code metrics}. */
  public static TransactionProcessorHandler over(
      TransactionStore transactions,
      ScoreStore scores,
      StreamDispatcher dispatcher,
      PipelineMetrics metrics) {
    return over(transactions, scores, dispatcher, CheckCaller.none(), metrics);
  }

  public static TransactionProcessorHandler over(
      TransactionStore transactions,
      ScoreStore scores,
      StreamDispatcher dispatcher,
      CheckCaller checkCaller,
      PipelineMetrics metrics) {
    return new TransactionProcessorHandler(
        new TransactionApi(
            new TransactionService(transactions, scores, Clock.systemUTC()), checkCaller, metrics),
        dispatcher);
  }
}
