package io.fraudpipeline.functions.scorer;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The scoring rules of the API contract, each constant configurable: a high amount adds 0.5, else
 * an elevated one 0.3 (both strictly above their limit); a merchant containing a high-risk term,
 * ignoring case, adds 0.4; the sum is capped at 1.0. Decimal arithmetic throughout, so 0.3 + 0.4 is
 * exactly 0.7.
 */
public final class FraudRules {

  static final BigDecimal HIGH_AMOUNT_WEIGHT = new BigDecimal("0.5");
  static final BigDecimal ELEVATED_AMOUNT_WEIGHT = new BigDecimal("0.3");
  static final BigDecimal HIGH_RISK_MERCHANT_WEIGHT = new BigDecimal("0.4");
  static final BigDecimal MAX_SCORE = new BigDecimal("1.0");

  private final ScoringConfig config;

  public FraudRules(ScoringConfig config) {
    this.config = config;
  }

  public BigDecimal score(BigDecimal amount, String merchant) {
    BigDecimal score = BigDecimal.ZERO;
    if (amount.compareTo(config.highAmount()) > 0) {
      score = score.add(HIGH_AMOUNT_WEIGHT);
    } else if (amount.compareTo(config.elevatedAmount()) > 0) {
      score = score.add(ELEVATED_AMOUNT_WEIGHT);
    }
    if (isHighRiskMerchant(merchant)) {
      score = score.add(HIGH_RISK_MERCHANT_WEIGHT);
    }
    return score.min(MAX_SCORE);
  }

  /** Alerts fire for scores strictly above the threshold, as the API contract says. */
  public boolean alerts(BigDecimal score) {
    return score.compareTo(config.alertThreshold()) > 0;
  }

  private boolean isHighRiskMerchant(String merchant) {
    String lower = merchant.toLowerCase(Locale.ROOT);
    return config.highRiskMerchants().stream().anyMatch(lower::contains);
  }
}
