package io.fraudpipeline.functions.contract;

/**
 * The rules of the synthetic transactions the pipeline's check sends. They never page anyone and
 * never pollute data: only the check's role may send them, they raise no alert, expire quickly and
 * stay out of the fraud metrics.
 */
public final class Synthetic {

  /** Every synthetic transaction id starts with this; the API refuses it from any other caller. */
  public static final String ID_PREFIX = "synthetic-";

  /** How long a synthetic transaction and its score are kept (the tables' TTL attribute). */
  public static final long TTL_SECONDS = 3600;

  private Synthetic() {}

  public static boolean isSynthetic(String transactionId) {
    return transactionId != null && transactionId.startsWith(ID_PREFIX);
  }
}
