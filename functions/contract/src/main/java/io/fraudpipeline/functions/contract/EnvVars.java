package io.fraudpipeline.functions.contract;

/**
 * Environment variables the operator sets on the functions and the handlers read. Each scoring
 * variable carries the FraudPipeline field of the same name ({@code spec.scoring.alertThreshold} to
 * {@code ALERT_THRESHOLD}).
 */
public final class EnvVars {

  public static final String TRANSACTIONS_TABLE = "TRANSACTIONS_TABLE";
  public static final String FRAUD_SCORES_TABLE = "FRAUD_SCORES_TABLE";
  public static final String SCORER_FUNCTION_NAME = "SCORER_FUNCTION_NAME";
  public static final String ALERT_TOPIC_ARN = "ALERT_TOPIC_ARN";

  public static final String ALERT_THRESHOLD = "ALERT_THRESHOLD";
  public static final String HIGH_AMOUNT = "HIGH_AMOUNT";
  public static final String ELEVATED_AMOUNT = "ELEVATED_AMOUNT";

  /** Comma-separated, matched case-insensitively as substrings of the merchant. */
  public static final String HIGH_RISK_MERCHANTS = "HIGH_RISK_MERCHANTS";

  public static final String SCORE_RETENTION_DAYS = "SCORE_RETENTION_DAYS";

  /** Set by the Lambda runtime itself; read for the SDK clients' region. */
  public static final String AWS_REGION = "AWS_REGION";

  private EnvVars() {}
}
