package io.fraudpipeline.functions.contract;

import java.util.List;

/**
 * The CloudWatch metrics the functions emit through the Embedded Metric Format, and the operator's
 * dashboard and alarms read: one namespace, each metric with the {@code Pipeline} dimension (the
 * {@link EnvVars#PIPELINE_NAME} of the function), some also split by a second dimension.
 */
public final class FraudMetrics {

  public static final String NAMESPACE = "FraudPipeline";

  public static final String PIPELINE = "Pipeline";

  /** Second dimension of {@link #TRANSACTIONS_REJECTED}: the class of the 4xx answer. */
  public static final String REASON = "Reason";

  /** {@link #REASON}: 400, a body breaking the input rules (not JSON, a field wrong, none). */
  public static final String REASON_INVALID_BODY = "invalid-body";

  /** {@link #REASON}: 413, a body over the API's limit. */
  public static final String REASON_TOO_LARGE = "too-large";

  /** {@link #REASON}: 415, a body declared as something other than JSON. */
  public static final String REASON_NOT_JSON = "not-json";

  /** {@link #REASON}: 409, the id is taken by a transaction with other content. */
  public static final String REASON_CONFLICT = "conflict";

  /** {@link #REASON}: 403, a {@link Synthetic#ID_PREFIX} id from a caller other than the check. */
  public static final String REASON_SYNTHETIC_REFUSED = "synthetic-refused";

  /** Every {@link #REASON} value the processor emits. */
  public static final List<String> REASONS =
      List.of(
          REASON_INVALID_BODY,
          REASON_TOO_LARGE,
          REASON_NOT_JSON,
          REASON_CONFLICT,
          REASON_SYNTHETIC_REFUSED);

  /** Second dimension of {@link #TRANSACTIONS_SCORED}: one of {@link #SCORE_BUCKETS}. */
  public static final String SCORE_BUCKET = "ScoreBucket";

  /**
   * The processor's, per transaction the API stored (202). Every count is one EMF value per
   * invocation holding how many: read them with the Sum statistic.
   */
  public static final String TRANSACTIONS_ACCEPTED = "TransactionsAccepted";

  /** The processor's, per POST refused, with {@link #REASON}. */
  public static final String TRANSACTIONS_REJECTED = "TransactionsRejected";

  /** The scorer's, per score written; also by {@link #SCORE_BUCKET}. */
  public static final String TRANSACTIONS_SCORED = "TransactionsScored";

  /** The scorer's, per alert published. */
  public static final String ALERTS_RAISED = "AlertsRaised";

  /**
   * The scorer's, per score written: 100 when it alerted, else 0, so its average is the rate in %.
   */
  public static final String ALERT_RATE = "AlertRate";

  /** The scorer's, milliseconds from the transaction's timestamp to its score. */
  public static final String SCORING_LATENCY = "ScoringLatency";

  /** The processor's and scorer's, per delivery of a transaction already handled. */
  public static final String DUPLICATE_DELIVERIES = "DuplicateDeliveries";

  /** The check's: 1 when a synthetic transaction was scored in time, else 0. */
  public static final String CHECK_SUCCEEDED = "CheckSucceeded";

  /** The check's, milliseconds from its POST to the score read back. */
  public static final String CHECK_LATENCY = "CheckLatency";

  /** The {@link #SCORE_BUCKET} values, lower bound inclusive; 1.0 falls in the last. */
  public static final List<String> SCORE_BUCKETS =
      List.of("0.0-0.2", "0.2-0.4", "0.4-0.6", "0.6-0.8", "0.8-1.0");

  private FraudMetrics() {}

  /** The bucket of a score in [0, 1]. */
  public static String bucketOf(double score) {
    int index = (int) Math.floor(Math.max(0, Math.min(score, 1)) * SCORE_BUCKETS.size());
    return SCORE_BUCKETS.get(Math.min(index, SCORE_BUCKETS.size() - 1));
  }
}
