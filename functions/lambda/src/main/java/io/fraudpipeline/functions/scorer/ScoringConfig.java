package io.fraudpipeline.functions.scorer;

import io.fraudpipeline.functions.aws.Env;
import io.fraudpipeline.functions.contract.EnvVars;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The scoring settings of {@code spec.scoring}, as the operator passes them in the environment.
 * Unset variables take the defaults of the API, which are the original stack's constants.
 */
public record ScoringConfig(
    BigDecimal alertThreshold,
    BigDecimal highAmount,
    BigDecimal elevatedAmount,
    List<String> highRiskMerchants,
    int scoreRetentionDays) {

  public static final BigDecimal DEFAULT_ALERT_THRESHOLD = new BigDecimal("0.8");
  public static final BigDecimal DEFAULT_HIGH_AMOUNT = new BigDecimal("10000");
  public static final BigDecimal DEFAULT_ELEVATED_AMOUNT = new BigDecimal("5000");
  public static final List<String> DEFAULT_HIGH_RISK_MERCHANTS =
      List.of("unknown", "offshore", "crypto");
  public static final int DEFAULT_SCORE_RETENTION_DAYS = 30;

  public ScoringConfig {
    requireRange(EnvVars.ALERT_THRESHOLD, alertThreshold, BigDecimal.ZERO, BigDecimal.ONE);
    requireRange(EnvVars.HIGH_AMOUNT, highAmount, BigDecimal.ZERO, null);
    requireRange(EnvVars.ELEVATED_AMOUNT, elevatedAmount, BigDecimal.ZERO, null);
    // matching is case-insensitive: keep the terms lower-case once, and drop empty ones, which
    // would match every merchant
    highRiskMerchants =
        highRiskMerchants.stream()
            .map(String::trim)
            .filter(term -> !term.isEmpty())
            .map(term -> term.toLowerCase(Locale.ROOT))
            .toList();
    if (scoreRetentionDays < 1) {
      throw new IllegalArgumentException(
          EnvVars.SCORE_RETENTION_DAYS + " must be at least 1, got " + scoreRetentionDays);
    }
  }

  public static ScoringConfig defaults() {
    return new ScoringConfig(
        DEFAULT_ALERT_THRESHOLD,
        DEFAULT_HIGH_AMOUNT,
        DEFAULT_ELEVATED_AMOUNT,
        DEFAULT_HIGH_RISK_MERCHANTS,
        DEFAULT_SCORE_RETENTION_DAYS);
  }

  /**
   * Reads the settings from the environment.
   *
   * @throws IllegalArgumentException naming the variable that does not hold a valid value
   */
  public static ScoringConfig fromEnv(Env env) {
    String merchants = env.optional(EnvVars.HIGH_RISK_MERCHANTS);
    return new ScoringConfig(
        decimal(env, EnvVars.ALERT_THRESHOLD, DEFAULT_ALERT_THRESHOLD),
        decimal(env, EnvVars.HIGH_AMOUNT, DEFAULT_HIGH_AMOUNT),
        decimal(env, EnvVars.ELEVATED_AMOUNT, DEFAULT_ELEVATED_AMOUNT),
        merchants == null ? DEFAULT_HIGH_RISK_MERCHANTS : Arrays.asList(merchants.split(",")),
        integer(env, EnvVars.SCORE_RETENTION_DAYS, DEFAULT_SCORE_RETENTION_DAYS));
  }

  private static BigDecimal decimal(Env env, String name, BigDecimal fallback) {
    String value = env.optional(name);
    if (value == null) {
      return fallback;
    }
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a decimal number, got '" + value + "'");
    }
  }

  private static int integer(Env env, String name, int fallback) {
    String value = env.optional(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer, got '" + value + "'");
    }
  }

  private static void requireRange(String name, BigDecimal value, BigDecimal min, BigDecimal max) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    if (value.compareTo(min) < 0 || (max != null && value.compareTo(max) > 0)) {
      throw new IllegalArgumentException(
          name
              + " must be "
              + (max == null ? ">= " + min : "between " + min + " and " + max)
              + ", got "
              + value.toPlainString());
    }
  }
}
