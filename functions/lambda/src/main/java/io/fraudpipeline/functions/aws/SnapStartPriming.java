package io.fraudpipeline.functions.aws;

import io.fraudpipeline.functions.log.JsonLog;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Primes a function before Lambda SnapStart takes its snapshot, so the first event after a restore
 * finds the SDK's request pipeline and the handler's own code loaded and compiled instead of paying
 * for that itself. Does nothing on a JVM without CRaC, which is every JVM but a SnapStart one.
 */
public final class SnapStartPriming implements Resource {

  private static final JsonLog LOG = JsonLog.of(SnapStartPriming.class);

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
    return priming;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    long start = System.nanoTime();
    primer.run();
    LOG.info("primed before the snapshot", null, "millis", (System.nanoTime() - start) / 1_000_000);
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // nothing to refresh: credentials are read from the environment on every request
  }
}
