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

  /**
   * The pipeline's name as its metrics' {@code Pipeline} dimension (see {@link FraudMetrics}); set
   * on every function.
   */
  public static final String PIPELINE_NAME = "PIPELINE_NAME";

  /**
   * The processor's: the ARN of the check function's role, the only caller whose transactions may
   * use {@link Synthetic#ID_PREFIX}.
   */
  public static final String CHECK_ROLE_ARN = "CHECK_ROLE_ARN";

  /**
   * The check's: the stage's invoke URL, {@code
   * https://<api>.execute-api.<region>.amazonaws.com/<stage>}.
   */
  public static final String API_ENDPOINT = "API_ENDPOINT";

  /**
   * The check's: the API's {@code spec.api.authorization}, {@code AWS_IAM}, {@code API_KEY} or
   * {@code NONE}.
   */
  public static final String API_AUTHORIZATION = "API_AUTHORIZATION";

  /** The check's, with {@code API_KEY} authorization only: the id of the pipeline's API key. */
  public static final String API_KEY_ID = "API_KEY_ID";

  /** Set by the Lambda runtime itself; read for the SDK clients' region. */
  public static final String AWS_REGION = "AWS_REGION";

  private EnvVars() {}
}
