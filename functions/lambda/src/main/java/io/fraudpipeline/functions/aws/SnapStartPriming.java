package io.fraudpipeline.functions.aws;

import io.fraudpipeline.functions.log.JsonLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Primes a function before Lambda SnapStart takes its snapshot, so the first event after a restore
 * finds the JDK's TLS client ({@link TlsPriming}), the SDK's request pipeline and the handler's own
 * code loaded and compiled instead of paying for that itself. Does nothing on a JVM without CRaC,
 * which is every JVM but a SnapStart one.
 */
public final class SnapStartPriming implements Resource {

  private static final JsonLog LOG = JsonLog.of(SnapStartPriming.class);

  /**
   * Every primer registered in this JVM, for the AOT-cache training run ({@link PrimingTraining}).
   */
  private static final List<SnapStartPriming> REGISTERED = new CopyOnWriteArrayList<>();

  private final Runnable primer;

  private SnapStartPriming(Runnable primer) {
    this.primer = primer;
  }

  /**
   * Registers the primer with the global CRaC context. Keep the returned object: CRaC holds its
   * resources weakly.
   */
  public static SnapStartPriming register(Runnable primer) {
    SnapStartPriming priming = new SnapStartPriming(primer);
    Core.getGlobalContext().register(priming);
    REGISTERED.add(priming);
    return priming;
  }

  /**
   * Runs every registered primer, as the CRaC hooks do before a snapshot: for the AOT-cache
   * training run, and for the cold-start benchmark's primed row.
   */
  public static void primeAll() {
    REGISTERED.forEach(SnapStartPriming::prime);
  }

  /**
   * One TLS exchange on loopback (once per JVM: every AWS call of every handler is TLS), then the
   * handler's own primer.
   */
  private void prime() {
    TlsPriming.prime();
    primer.run();
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    long start = System.nanoTime();
    prime();
    LOG.info("primed before the snapshot", null, "millis", (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * Nothing to refresh, because the snapshot holds nothing that must be fresh: the primers run the
   * SDK on canned responses and stop their own paths before any AWS call, so no connection is open
   * (the tests of each primer fail on any store, scorer or endpoint touched); credentials are read
   * from the environment at each request's signing, never cached; and no handler keeps a random
   * generator or a time (the scorer reads its clock per event).
   */
  @Override
  public void afterRestore(Context<? extends Resource> context) {}
}
