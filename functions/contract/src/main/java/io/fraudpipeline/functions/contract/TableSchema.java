package io.fraudpipeline.functions.contract;

/**
 * Key schema and attribute names of the two tables, shared by the operator's Table managed
 * resources, the functions' stores and the local runner, so the three cannot drift.
 */
public final class TableSchema {

  /**
   * The only key of both tables, a string. The transactions table has no range key, so one
   * conditional put decides whether an id is new, with nothing to look up first.
   */
  public static final String TRANSACTION_ID = "transaction_id";

  /** When a transaction happened, epoch seconds as a number; an attribute, not a key. */
  public static final String TIMESTAMP = "timestamp";

  /**
   * TTL attribute of both tables, epoch seconds: every score carries it; in the transactions table
   * only synthetic transactions do (see {@link Synthetic}).
   */
  public static final String EXPIRY = "expiry";

  /** Stream view of the transactions table: the processor needs only the new item. */
  public static final String TRANSACTIONS_STREAM_VIEW = "NEW_IMAGE";

  /** Table name prefixes; the AWS names are {@code <prefix>-<environmentSuffix>}. */
  public static final String TRANSACTIONS_TABLE_PREFIX = "transactions";

  public static final String FRAUD_SCORES_TABLE_PREFIX = "fraud_scores";

  private TableSchema() {}
}
