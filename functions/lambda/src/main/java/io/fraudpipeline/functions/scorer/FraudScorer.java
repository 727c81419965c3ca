package io.fraudpipeline.functions.scorer;

import io.fraudpipeline.functions.contract.Synthetic;
import io.fraudpipeline.functions.log.JsonLog;
import io.fraudpipeline.functions.model.FraudScore;
import io.fraudpipeline.functions.model.Transaction;
import io.fraudpipeline.functions.store.ScoreStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;

/**
 * Scores a transaction, stores the score once, and publishes its alert at most once, however often
 * the same transaction is delivered (the stream and the asynchronous invoke both retry). A
 * synthetic transaction (the pipeline's check) is scored by the same rules, but its score expires
 * after {@link Synthetic#TTL_SECONDS} and it never alerts.
 */
public final class FraudScorer {

  private static final JsonLog LOG = JsonLog.of(FraudScorer.class);

  private final FraudRules rules;
  private final ScoringConfig config;
  private final ScoreStore scores;
  private final AlertPublisher alerts;
  private final Clock clock;

  public FraudScorer(ScoringConfig config, ScoreStore scores, AlertPublisher alerts, Clock clock) {
    this.rules = new FraudRules(config);
    this.config = config;
    this.scores = scores;
    this.alerts = alerts;
    this.clock = clock;
  }

  public ScoringResult score(Transaction transaction) {
    String id = transaction.transactionId();
    BigDecimal value = rules.score(transaction.amount(), transaction.merchant());
    long nowMillis = clock.millis();
    long now = Math.floorDiv(nowMillis, 1000);
    boolean synthetic = Synthetic.isSynthetic(id);
    FraudScore fresh =
        new FraudScore(
            id,
            value,
            transaction.timestamp(),
            transaction.amount(),
            transaction.merchant(),
            now,
            now
                + (synthetic
                    ? Synthetic.TTL_SECONDS
                    : Duration.ofDays(config.scoreRetentionDays()).toSeconds()),
            rules.alerts(value),
            false);
    boolean stored = scores.putIfAbsent(fresh);
    // a repeated delivery keeps the first score, and finishes its alert if that one failed
    FraudScore current =
        stored
            ? fresh
            : scores
                .find(id)
                .orElseThrow(() -> new IllegalStateException("score of " + id + " vanished"));
    if (!stored) {
      LOG.info("transaction already scored", id, "fraud_score", current.score());
    } else {
      LOG.info("transaction scored", id, "fraud_score", value, "alert_due", fresh.alertDue());
    }
    if (synthetic && current.alertDue()) {
      LOG.info("synthetic transaction: no alert", id, "fraud_score", current.score());
    }
    boolean published =
        !synthetic && current.alertDue() && !current.alerted() && publishOnce(current);
    return new ScoringResult(
        current, stored, published, nowMillis - transaction.timestamp() * 1000);
  }

  private boolean publishOnce(FraudScore score) {
    String id = score.transactionId();
    if (!scores.claimAlert(id)) {
      LOG.info("alert already taken by another delivery", id);
      return false;
    }
    try {
      alerts.publish(FraudAlert.of(score, config.alertThreshold()));
    } catch (RuntimeException e) {
      // give the claim back so the retry of this delivery can publish
      scores.releaseAlert(id);
      LOG.error("alert not published, released for a retry", id, e);
      throw e;
    }
    LOG.info("fraud alert published", id, "fraud_score", score.score());
    return true;
  }
}
