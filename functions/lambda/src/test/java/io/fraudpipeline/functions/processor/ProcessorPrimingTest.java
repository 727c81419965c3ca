package io.fraudpipeline.functions.processor;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.fraudpipeline.functions.model.FraudScore;
import io.fraudpipeline.functions.model.Transaction;
import io.fraudpipeline.functions.processor.stream.StreamDispatcher;
import io.fraudpipeline.functions.store.ScoreStore;
import io.fraudpipeline.functions.store.TransactionStore;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The SnapStart primer runs before a snapshot, where no AWS call may be made: here every store and
 * the scorer invoker fail the test if touched.
 */
class ProcessorPrimingTest {

  @Test
  void theProcessorPrimesWithoutTouchingAnyStoreOrTheScorer() {
    TransactionProcessorHandler handler =
        new TransactionProcessorHandler(
            new TransactionService(new UntouchableTransactions(), new UntouchableScores()),
            StreamDispatcher.withConcurrency(
                t -> {
                  throw new AssertionError("primed by invoking the scorer");
                },
                1));

    assertThatCode(handler::prime).doesNotThrowAnyException();
  }

  private static final class UntouchableTransactions implements TransactionStore {
    @Override
    public Optional<Transaction> find(String transactionId) {
      throw new AssertionError("primed by reading transactions");
    }

    @Override
    public boolean putIfAbsent(Transaction transaction) {
      throw new AssertionError("primed by writing a transaction");
    }
  }

  private static final class UntouchableScores implements ScoreStore {
    @Override
    public Optional<FraudScore> find(String transactionId) {
      throw new AssertionError("primed by reading scores");
    }

    @Override
    public boolean putIfAbsent(FraudScore score) {
      throw new AssertionError("primed by writing a score");
    }

    @Override
    public boolean claimAlert(String transactionId) {
      throw new AssertionError("primed by claiming an alert");
    }

    @Override
    public void releaseAlert(String transactionId) {
      throw new AssertionError("primed by releasing an alert");
    }
  }
}
