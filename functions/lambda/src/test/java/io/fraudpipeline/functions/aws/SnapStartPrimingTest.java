package io.fraudpipeline.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The primer runs before the snapshot (the CRaC hook), after the TLS primer, and in the AOT-cache
 * training run; after a restore nothing runs, since the snapshot holds no connection, credential,
 * random seed or time.
 */
class SnapStartPrimingTest {

  @Test
  void theHookAndTheTrainingRunThePrimerAndTheRestoreRunsNothing() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    SnapStartPriming priming = SnapStartPriming.register(runs::incrementAndGet);

    priming.beforeCheckpoint(null);
    assertThat(runs).hasValue(1);
    assertThat(TlsPriming.primed()).as("the hook runs the TLS primer first").isTrue();
    SnapStartPriming.primeAll();
    assertThat(runs).hasValue(2);
    priming.afterRestore(null);
    assertThat(runs).as("a restore primes nothing again").hasValue(2);
  }
}
