package io.fraudpipeline.operator.crossplane;

import io.fraudpipeline.api.v1alpha1.SubscriptionSpec;
import io.fraudpipeline.operator.model.DeploymentTrigger;
import io.fraudpipeline.operator.model.FunctionAliases;
import io.fraudpipeline.operator.model.FunctionRole;

/** The component part of each MR's Kubernetes name, {@code <pipeline>-<component>}. */
final class Components {

  static final String TRANSACTIONS_TABLE = "transactions";
  static final String FRAUD_SCORES_TABLE = "fraud-scores";
  static final String ALERT_TOPIC = "alerts";
  static final String ALARM_TOPIC = "alarms";
  static final String REST_API = "api";
  static final String TRANSACTIONS_RESOURCE = "api-transactions";
  static final String TRANSACTION_RESOURCE = "api-transaction";
  static final String POST_TRANSACTIONS = "api-post-transactions";
  static final String GET_TRANSACTION = "api-get-transaction";
  static final String DEPLOYMENT = "api-deployment";
  static final String STAGE = "api-stage";
  static final String THROTTLING = "api-throttling";
  static final String INVOKE_POST = "api-invoke-post";
  static final String INVOKE_GET = "api-invoke-get";
  static final String USAGE_PLAN = "api-usage-plan";
  static final String API_KEY = "api-key";
  static final String USAGE_PLAN_KEY = "api-usage-plan-key";
  static final String SCORER_ASYNC = "scorer-async";
  static final String PROCESSOR_STREAM = "processor-stream";

  private Components() {}

  /** A deployment per version of the API: {@code api-deployment-<hash of methods+integrations>}. */
  static String deployment(String hash) {
    return DEPLOYMENT + "-" + hash.substring(0, 10);
  }

  static String deadLetterQueue(FunctionRole f) {
    return f.shortName() + "-dlq";
  }

  static String role(FunctionRole f) {
    return f.shortName() + "-role";
  }

  static String rolePolicy(FunctionRole f) {
    return f.shortName() + "-policy";
  }

  static String basicExecution(FunctionRole f) {
    return f.shortName() + "-basic-execution";
  }

  static String xrayWrite(FunctionRole f) {
    return f.shortName() + "-xray";
  }

  static String logGroup(FunctionRole f) {
    return f.shortName() + "-logs";
  }

  static String function(FunctionRole f) {
    return f.shortName();
  }

  static String alias(FunctionRole f) {
    return f.shortName() + "-" + FunctionAliases.LIVE;
  }

  /**
   * A subscription is named by a hash of what it is, so removing one does not rename the others
   * (which would delete and re-create them, asking each email address to confirm again).
   */
  static String subscription(String topicComponent, SubscriptionSpec s) {
    String hash =
        DeploymentTrigger.hash(s.getProtocol().value() + ":" + s.getEndpoint()).substring(0, 10);
    return topicComponent + "-sub-" + hash;
  }

  /** An alarm by its AWS name without the suffix: {@code alarm-transaction-processor-errors}. */
  static String alarm(String awsName, String suffix) {
    return "alarm-" + awsName.substring(0, awsName.length() - suffix.length() - 1);
  }
}
