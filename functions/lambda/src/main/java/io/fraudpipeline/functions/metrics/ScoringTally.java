package io.fraudpipeline.functions.metrics;

import io.fraudpipeline.functions.contract.FraudMetrics;
import io.fraudpipeline.functions.contract.Synthetic;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fraud metrics of one scorer invocation, gathered as it scores and written when it ends: one
 * document under {@code Pipeline} (counts, the alert rate and the latencies as arrays of values),
 * and one per score bucket met (the format gives a document one value per dimension).
 */
public final class ScoringTally {

  private final PipelineMetrics metrics;
  private final EmfDocument totals;
  private final Map<String, Integer> buckets = new TreeMap<>();
  private int scored;
  private int alerts;
  private int duplicates;

  ScoringTally(PipelineMetrics metrics) {
    this.metrics = metrics;
    this.totals = metrics.document();
  }

  /**
   * A score this delivery stored.
   *
   * @param alertDue whether it is above the threshold: 100 or 0 into the alert rate, whose average
   *     is then in %
   * @param latencyMillis from the transaction's timestamp to the score
   */
  public void scored(String transactionId, BigDecimal score, boolean alertDue, long latencyMillis) {
    if (Synthetic.isSynthetic(transactionId)) {
      return;
    }
    scored++;
    buckets.merge(FraudMetrics.bucketOf(score.doubleValue()), 1, Integer::sum);
    totals.add(FraudMetrics.ALERT_RATE, MetricUnit.PERCENT, alertDue ? 100 : 0);
    totals.add(FraudMetrics.SCORING_LATENCY, MetricUnit.MILLISECONDS, Math.max(0, latencyMillis));
  }

  /** An alert this delivery published. */
  public void alertPublished(String transactionId) {
    if (!Synthetic.isSynthetic(transactionId)) {
      alerts++;
    }
  }

  /** A delivery of a transaction scored before. */
  public void duplicate(String transactionId) {
    if (!Synthetic.isSynthetic(transactionId)) {
      duplicates++;
    }
  }

  /** Writes the invocation's documents; nothing when it handled only synthetic transactions. */
  public void emit() {
    if (scored == 0 && duplicates == 0 && alerts == 0) {
      return;
    }
    totals.count(FraudMetrics.TRANSACTIONS_SCORED, scored);
    totals.count(FraudMetrics.ALERTS_RAISED, alerts);
    totals.count(FraudMetrics.DUPLICATE_DELIVERIES, duplicates);
    metrics.emit(totals);
    buckets.forEach(
        (bucket, count) ->
            metrics.emit(
                EmfDocument.in(FraudMetrics.NAMESPACE)
                    .dimension(FraudMetrics.PIPELINE, metrics.pipeline())
                    .dimension(FraudMetrics.SCORE_BUCKET, bucket)
                    .dimensionSet(FraudMetrics.PIPELINE, FraudMetrics.SCORE_BUCKET)
                    .count(FraudMetrics.TRANSACTIONS_SCORED, count)));
  }
}
