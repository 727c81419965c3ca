package io.fraudpipeline.functions.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.fraudpipeline.functions.processor.stream.StreamDispatcher;
import io.fraudpipeline.functions.testing.Processors;
import io.fraudpipeline.functions.testing.RecordedMetrics;
import io.fraudpipeline.functions.testing.UntouchableStores;
import org.junit.jupiter.api.Test;

/**
 * The SnapStart primer runs before a snapshot, where no AWS call may be made: here every store and
 * the scorer invoker fail the test if touched.
 */
class ProcessorPrimingTest {

  @Test
  void theProcessorPrimesWithoutTouchingAnyStoreOrTheScorer() {
    RecordedMetrics metrics = new RecordedMetrics();
    TransactionProcessorHandler handler =
        Processors.over(
            UntouchableStores.transactions(),
            UntouchableStores.scores(),
            StreamDispatcher.withConcurrency(
                t -> {
                  throw new AssertionError("primed by invoking the scorer");
                },
                1),
            metrics.metrics());

    assertThatCode(handler::prime).doesNotThrowAnyException();
    // the canned events count nothing
    assertThat(metrics.lines()).isEmpty();
  }
}
