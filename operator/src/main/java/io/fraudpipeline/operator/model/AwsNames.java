package io.fraudpipeline.operator.model;

import io.fraudpipeline.functions.contract.TableSchema;

/**
 * The AWS name of every resource of a pipeline, all ending with the environment suffix so that two
 * environments in one account never collide.
 */
public record AwsNames(String suffix) {

  /**
   * The {@code Pipeline} dimension of the stack's metrics ({@code PIPELINE_NAME}): the suffix, as
   * it is what is unique among the pipelines of one AWS account; two pipelines of one name in two
   * namespaces would mix their metrics.
   */
  public String metricsPipeline() {
    return suffix;
  }

  public String transactionsTable() {
    return TableSchema.TRANSACTIONS_TABLE_PREFIX + "-" + suffix;
  }

  public String fraudScoresTable() {
    return TableSchema.FRAUD_SCORES_TABLE_PREFIX + "-" + suffix;
  }

  public String deadLetterQueue(FunctionRole f) {
    return f.awsStem() + "-dlq-" + suffix;
  }

  public String alertTopic() {
    return "fraud-alerts-" + suffix;
  }

  public String alarmTopic() {
    return "fraud-pipeline-alarms-" + suffix;
  }

  public String role(FunctionRole f) {
    return f.awsStem() + "-role-" + suffix;
  }

  public String rolePolicy(FunctionRole f) {
    return f.awsStem() + "-policy-" + suffix;
  }

  public String function(FunctionRole f) {
    return f.awsStem() + "-" + suffix;
  }

  /** The log group Lambda writes to by default, so it is the one whose retention we set. */
  public String logGroup(FunctionRole f) {
    return "/aws/lambda/" + function(f);
  }

  public String restApi() {
    return "fraud-detection-api-" + suffix;
  }

  public String usagePlan() {
    return "fraud-detection-api-usage-plan-" + suffix;
  }

  public String apiKey() {
    return "fraud-detection-api-key-" + suffix;
  }

  public String errorsAlarm(FunctionRole f) {
    return f.awsStem() + "-errors-" + suffix;
  }

  public String deadLetterDepthAlarm(FunctionRole f) {
    return f.awsStem() + "-dlq-depth-" + suffix;
  }

  public String iteratorAgeAlarm() {
    return "transaction-processor-iterator-age-" + suffix;
  }

  public String api5xxAlarm() {
    return "fraud-detection-api-5xx-" + suffix;
  }

  /** The alarm that fires when the check fails or stops reporting. */
  public String notScoringAlarm() {
    return "fraud-pipeline-not-scoring-" + suffix;
  }

  /** The EventBridge rule that runs the check on its schedule. */
  public String checkSchedule() {
    return FunctionRole.CHECK.awsStem() + "-schedule-" + suffix;
  }

  /** The pipeline's CloudWatch dashboard. */
  public String dashboard() {
    return "fraud-pipeline-" + suffix;
  }
}
