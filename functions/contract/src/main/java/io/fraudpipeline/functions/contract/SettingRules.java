package io.fraudpipeline.functions.contract;

import java.util.List;

/**
 * The default and range of each spec setting that more than the CRD applies, written once: the CRD
 * annotations (compile-time constants), the operator's checks, the scorer's configuration and the
 * local mode's flags all read these.
 */
public final class SettingRules {

  // spec.scoring
  public static final String ALERT_THRESHOLD_DEFAULT = "0.8";
  public static final double ALERT_THRESHOLD_MIN = 0;
  public static final double ALERT_THRESHOLD_MAX = 1;

  public static final String HIGH_AMOUNT_DEFAULT = "10000";
  public static final String ELEVATED_AMOUNT_DEFAULT = "5000";

  /** Both amounts; and elevatedAmount must not exceed highAmount. */
  public static final double AMOUNT_MIN = 0;

  private static final String TERM_1 = "unknown";
  private static final String TERM_2 = "offshore";
  private static final String TERM_3 = "crypto";
  public static final List<String> HIGH_RISK_MERCHANTS_DEFAULT = List.of(TERM_1, TERM_2, TERM_3);

  /** The same default as the CRD's JSON. */
  public static final String HIGH_RISK_MERCHANTS_DEFAULT_JSON =
      "[\"" + TERM_1 + "\", \"" + TERM_2 + "\", \"" + TERM_3 + "\"]";

  public static final int HIGH_RISK_MERCHANTS_MAX_TERMS = 100;
  public static final int HIGH_RISK_MERCHANT_MAX_LENGTH = 64;
  public static final String HIGH_RISK_MERCHANT_RULE =
      "each term is 1-" + HIGH_RISK_MERCHANT_MAX_LENGTH + " characters without commas";

  public static final String SCORE_RETENTION_DAYS_DEFAULT = "30";
  public static final int SCORE_RETENTION_DAYS_MIN = 1;
  public static final int SCORE_RETENTION_DAYS_MAX = 3650;

  // spec.stream
  public static final String BATCH_SIZE_DEFAULT = "100";
  public static final int BATCH_SIZE_MIN = 1;
  public static final int BATCH_SIZE_MAX = 10000;

  public static final String MAXIMUM_RETRY_ATTEMPTS_DEFAULT = "5";
  public static final int MAXIMUM_RETRY_ATTEMPTS_MIN = -1;
  public static final int MAXIMUM_RETRY_ATTEMPTS_MAX = 10000;

  // spec.environmentSuffix: at most 20 characters, so that the longest AWS name stays within 64
  public static final String ENVIRONMENT_SUFFIX_PATTERN = "^[a-z0-9]([a-z0-9-]{0,18}[a-z0-9])?$";

  private SettingRules() {}

  /**
   * Checks one high-risk merchant term.
   *
   * @return null when it is acceptable, else what is wrong
   */
  public static String highRiskMerchantProblem(String term) {
    return term == null
            || term.isEmpty()
            || term.length() > HIGH_RISK_MERCHANT_MAX_LENGTH
            || term.contains(",")
        ? HIGH_RISK_MERCHANT_RULE
        : null;
  }
}
