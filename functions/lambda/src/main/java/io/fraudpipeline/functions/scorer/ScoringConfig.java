package io.fraudpipeline.functions.scorer;

import io.fraudpipeline.functions.aws.Env;
import io.fraudpipeline.functions.contract.EnvVars;
import io.fraudpipeline.functions.contract.SettingRules;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The scoring settings of {@code spec.scoring}, as the operator passes them in the environment.
 * Unset variables take the defaults of the API ({@code SettingRules}).
 */
public record ScoringConfig(
    BigDecimal alertThreshold,
    BigDecimal highAmount,
    BigDecimal elevatedAmount,
    List<String> highRiskMerchants,
    int scoreRetentionDays) {

  public static final BigDecimal DEFAULT_ALERT_THRESHOLD =
      new BigDecimal(SettingRules.ALERT_THRESHOLD_DEFAULT);
  public static final BigDecimal DEFAULT_HIGH_AMOUNT =
      new BigDecimal(SettingRules.HIGH_AMOUNT_DEFAULT);
  public static final BigDecimal DEFAULT_ELEVATED_AMOUNT =
      new BigDecimal(SettingRules.ELEVATED_AMOUNT_DEFAULT);
  public static final List<String> DEFAULT_HIGH_RISK_MERCHANTS =
      SettingRules.HIGH_RISK_MERCHANTS_DEFAULT;
  public static final int DEFAULT_SCORE_RETENTION_DAYS =
      Integer.parseInt(SettingRules.SCORE_RETENTION_DAYS_DEFAULT);

  /**
   * @throws IllegalArgumentException naming the setting that breaks the CRD's rules
   */
  public ScoringConfig {
    requireRange(
        EnvVars.ALERT_THRESHOLD,
        alertThreshold,
        BigDecimal.valueOf(SettingRules.ALERT_THRESHOLD_MIN),
        BigDecimal.valueOf(SettingRules.ALERT_THRESHOLD_MAX));
    BigDecimal amountMin = BigDecimal.valueOf(SettingRules.AMOUNT_MIN);
    requireRange(EnvVars.HIGH_AMOUNT, highAmount, amountMin, null);
    requireRange(EnvVars.ELEVATED_AMOUNT, elevatedAmount, amountMin, null);
    if (elevatedAmount.compareTo(highAmount) > 0) {
      throw new IllegalArgumentException(
          EnvVars.ELEVATED_AMOUNT + " must not exceed " + EnvVars.HIGH_AMOUNT);
    }
    if (highRiskMerchants.size() > SettingRules.HIGH_RISK_MERCHANTS_MAX_TERMS) {
      throw new IllegalArgumentException(
          EnvVars.HIGH_RISK_MERCHANTS
              + " holds at most "
              + SettingRules.HIGH_RISK_MERCHANTS_MAX_TERMS
              + " terms");
    }
    for (String term : highRiskMerchants) {
      String problem = SettingRules.highRiskMerchantProblem(term);
      if (problem != null) {
        throw new IllegalArgumentException(EnvVars.HIGH_RISK_MERCHANTS + ": " + problem);
      }
    }
    // matching is case-insensitive: keep the terms lower-case once; a blank term (which the CRD
    // lets through) would match every merchant, so it is dropped
    highRiskMerchants =
        highRiskMerchants.stream()
            .map(String::trim)
            .filter(term -> !term.isEmpty())
            .map(term -> term.toLowerCase(Locale.ROOT))
            .toList();
    if (scoreRetentionDays < SettingRules.SCORE_RETENTION_DAYS_MIN
        || scoreRetentionDays > SettingRules.SCORE_RETENTION_DAYS_MAX) {
      throw new IllegalArgumentException(
          EnvVars.SCORE_RETENTION_DAYS
              + " must be between "
              + SettingRules.SCORE_RETENTION_DAYS_MIN
              + " and "
              + SettingRules.SCORE_RETENTION_DAYS_MAX
              + ", got "
              + scoreRetentionDays);
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
    String merchants = env.asSet(EnvVars.HIGH_RISK_MERCHANTS);
    return new ScoringConfig(
        decimal(env, EnvVars.ALERT_THRESHOLD, DEFAULT_ALERT_THRESHOLD),
        decimal(env, EnvVars.HIGH_AMOUNT, DEFAULT_HIGH_AMOUNT),
        decimal(env, EnvVars.ELEVATED_AMOUNT, DEFAULT_ELEVATED_AMOUNT),
        merchants == null
            ? DEFAULT_HIGH_RISK_MERCHANTS
            // an empty list in the spec arrives as an empty variable
            : merchants.isBlank() ? List.of() : Arrays.asList(merchants.split(",", -1)),
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

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  private static void requireRange(String name, BigDecimal value, BigDecimal min, BigDecimal max) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    if (value.compareTo(min) < 0 || (max != null && value.compareTo(max) > 0)) {
      throw new IllegalArgumentException(
          name
              + " must be "
              + (max == null ? ">= " + plain(min) : "between " + plain(min) + " and " + plain(max))
              + ", got "
              + value.toPlainString());
    }
  }
}
