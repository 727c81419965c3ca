package io.fraudpipeline.functions.scorer;

import io.fraudpipeline.functions.model.FraudScore;
import java.math.BigDecimal;

/** What an alert says about a transaction whose score is above the threshold. */
public record FraudAlert(
    String transactionId,
    BigDecimal score,
    BigDecimal alertThreshold,
    BigDecimal amount,
    String merchant,
    long timestamp) {

  public static FraudAlert of(FraudScore score, BigDecimal alertThreshold) {
    return new FraudAlert(
        score.transactionId(),
        score.score(),
        alertThreshold,
        score.amount(),
        score.merchant(),
        score.timestamp());
  }
}
