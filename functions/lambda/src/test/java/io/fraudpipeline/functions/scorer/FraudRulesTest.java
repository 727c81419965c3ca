package io.fraudpipeline.functions.scorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FraudRulesTest {

  private final FraudRules defaults = new FraudRules(ScoringConfig.defaults());

  @ParameterizedTest(name = "{0} at {1} scores {2}, alert {3}")
  @CsvSource({
    // the API contract's example and the amount boundaries: strictly greater than the limit
    "5000, Amazon, 0, false",
    "5000.00, Amazon, 0, false",
    "5000.01, Amazon, 0.3, false",
    "10000, Amazon, 0.3, false",
    "10000.00, Amazon, 0.3, false",
    "10000.000001, Amazon, 0.5, false",
    "10001, Amazon, 0.5, false",
    "0, Amazon, 0, false",
    // merchant terms, as substrings, ignoring case
    "1, unknown, 0.4, false",
    "1, UNKNOWN, 0.4, false",
    "1, Offshore Holdings Ltd, 0.4, false",
    "1, BestCryptoExchange, 0.4, false",
    "1, crypt0, 0, false",
    // combinations: 0.3 + 0.4 is exactly 0.7, under the threshold; 0.5 + 0.4 is above it
    "5000.01, Crypto, 0.7, false",
    "10000, Offshore, 0.7, false",
    "10000.01, Offshore, 0.9, true",
    "99999999999999999999, crypto unknown offshore, 0.9, true",
  })
  void scoresLikeTheOriginal(String amount, String merchant, String score, boolean alert) {
    BigDecimal result = defaults.score(new BigDecimal(amount), merchant);

    assertThat(result).isEqualByComparingTo(score);
    assertThat(defaults.alerts(result)).isEqualTo(alert);
  }

  @Test
  void alertsOnlyStrictlyAboveTheThreshold() {
    assertThat(defaults.alerts(new BigDecimal("0.8"))).isFalse();
    assertThat(defaults.alerts(new BigDecimal("0.80"))).isFalse();
    assertThat(defaults.alerts(new BigDecimal("0.8000001"))).isTrue();
  }

  @Test
  void neverScoresAboveOne() {
    // the amount rules exclude each other, so the most a transaction collects is 0.5 + 0.4: the
    // original's cap at 1.0 is kept as a guard; with every rule firing the score stays 0.9
    FraudRules rules =
        new FraudRules(
            new ScoringConfig(
                new BigDecimal("0.8"), BigDecimal.ZERO, BigDecimal.ZERO, List.of("a", "b"), 30));
    assertThat(rules.score(BigDecimal.ONE, "ab")).isEqualByComparingTo("0.9");
    assertThat(FraudRules.HIGH_AMOUNT_WEIGHT.add(FraudRules.HIGH_RISK_MERCHANT_WEIGHT))
        .isLessThanOrEqualTo(FraudRules.MAX_SCORE);
    assertThat(rules.score(new BigDecimal("5"), "ab")).isLessThanOrEqualTo(FraudRules.MAX_SCORE);
  }

  @Test
  void usesTheConfiguredLimitsAndTerms() {
    FraudRules rules =
        new FraudRules(
            new ScoringConfig(
                new BigDecimal("0.5"),
                new BigDecimal("100"),
                new BigDecimal("50"),
                List.of(" Casino ", "  "),
                7));

    assertThat(rules.score(new BigDecimal("100.01"), "shop")).isEqualByComparingTo("0.5");
    assertThat(rules.score(new BigDecimal("51"), "shop")).isEqualByComparingTo("0.3");
    assertThat(rules.score(new BigDecimal("1"), "Grand CASINO")).isEqualByComparingTo("0.4");
    // the blank term is dropped instead of matching every merchant; 'unknown' is not in this list
    assertThat(rules.score(new BigDecimal("1"), "unknown")).isEqualByComparingTo("0");
    assertThat(rules.alerts(new BigDecimal("0.5"))).isFalse();
    assertThat(rules.alerts(new BigDecimal("0.7"))).isTrue();
  }
}
