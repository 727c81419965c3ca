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

  public String processorDeadLetterQueue() {
    return "transaction-processor-dlq-" + suffix;
  }

  public String scorerDeadLetterQueue() {
    return "fraud-scorer-dlq-" + suffix;
  }
}
