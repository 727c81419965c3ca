package io.fraudpipeline.local;

import io.fraudpipeline.functions.contract.TableSchema;

/** The AWS names of the pipeline's parts for one environment suffix, as the operator names them. */
public record LocalNames(String suffix) {

  public String transactionsTable() {
    return TableSchema.TRANSACTIONS_TABLE_PREFIX + "-" + suffix;
  }

  public String fraudScoresTable() {
    return TableSchema.FRAUD_SCORES_TABLE_PREFIX + "-" + suffix;
  }

  public String processorFunction() {
    return "transaction-processor-" + suffix;
  }

  public String scorerFunction() {
    return "fraud-scorer-" + suffix;
  }

  public String checkFunction() {
    return "pipeline-check-" + suffix;
  }

  /** The pipeline's name as its metrics' {@code Pipeline} dimension. */
  public String pipeline() {
    return "fraud-pipeline-" + suffix;
  }

  /** The role the local check is known by, as the deployed check is by its function's role. */
  public String checkRoleArn() {
    return "arn:aws:iam::000000000000:role/" + checkFunction();
  }

  /** The caller API Gateway would report for the check's requests: a session of its role. */
  public String checkCallerArn() {
    return "arn:aws:sts::000000000000:assumed-role/" + checkFunction() + "/" + checkFunction();
  }

  public String processorDeadLetterQueue() {
    return "transaction-processor-dlq-" + suffix;
  }

  public String scorerDeadLetterQueue() {
    return "fraud-scorer-dlq-" + suffix;
  }
}
