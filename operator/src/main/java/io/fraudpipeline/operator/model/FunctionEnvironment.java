package io.fraudpipeline.operator.model;

import io.fraudpipeline.api.v1alpha1.Authorization;
import io.fraudpipeline.api.v1alpha1.ScoringSpec;
import io.fraudpipeline.functions.contract.EnvVars;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment of each function: every setting its handler reads, named as in {@link EnvVars},
 * so configuration flows spec -> environment -> function config under one name.
 */
public final class FunctionEnvironment {

  private FunctionEnvironment() {}

  /**
   * @param viaAlias the processor invokes the scorer's {@link FunctionAliases#LIVE} alias (with
   *     SnapStart), else the function itself
   */
  public static Map<String, String> processor(
      String pipeline, AwsNames names, boolean viaAlias, String checkRoleArn) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(EnvVars.PIPELINE_NAME, pipeline);
    env.put(EnvVars.TRANSACTIONS_TABLE, names.transactionsTable());
    env.put(EnvVars.FRAUD_SCORES_TABLE, names.fraudScoresTable());
    String scorer = names.function(FunctionRole.SCORER);
    env.put(EnvVars.SCORER_FUNCTION_NAME, viaAlias ? FunctionAliases.qualified(scorer) : scorer);
    if (checkRoleArn != null) {
      // the only caller whose transactions may carry the synthetic prefix
      env.put(EnvVars.CHECK_ROLE_ARN, checkRoleArn);
    }
    return env;
  }

  public static Map<String, String> scorer(
      String pipeline, AwsNames names, ScoringSpec scoring, String alertTopicArn) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(EnvVars.PIPELINE_NAME, pipeline);
    env.put(EnvVars.FRAUD_SCORES_TABLE, names.fraudScoresTable());
    env.put(EnvVars.ALERT_TOPIC_ARN, alertTopicArn);
    env.put(EnvVars.ALERT_THRESHOLD, decimal(scoring.getAlertThreshold()));
    env.put(EnvVars.HIGH_AMOUNT, decimal(scoring.getHighAmount()));
    env.put(EnvVars.ELEVATED_AMOUNT, decimal(scoring.getElevatedAmount()));
    env.put(EnvVars.HIGH_RISK_MERCHANTS, String.join(",", scoring.getHighRiskMerchants()));
    env.put(EnvVars.SCORE_RETENTION_DAYS, String.valueOf(scoring.getScoreRetentionDays()));
    return env;
  }

  /**
   * @param stageUrl the stage's invoke URL, {@code
   *     https://<api>.execute-api.<region>.<domain>/<stage>}
   */
  public static Map<String, String> check(
      String pipeline, String stageUrl, Authorization authorization) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(EnvVars.PIPELINE_NAME, pipeline);
    env.put(EnvVars.API_ENDPOINT, stageUrl);
    env.put(EnvVars.API_AUTHORIZATION, authorization.value());
    return env;
  }

  /** What Lambda counts against its 4 KB: the variables as one JSON object, in UTF-8 bytes. */
  public static int bytes(Map<String, String> env) {
    return Json.write(env).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }

  /** 10000.0 as "10000", 0.8 as "0.8": what a user wrote, not a float's rendering. */
  static String decimal(Double value) {
    return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }
}
