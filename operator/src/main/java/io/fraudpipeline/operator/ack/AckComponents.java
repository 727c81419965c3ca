package io.fraudpipeline.operator.ack;

import io.fraudpipeline.api.v1alpha1.SubscriptionSpec;
import io.fraudpipeline.operator.model.DeploymentTrigger;
import io.fraudpipeline.operator.model.FunctionAliases;
import io.fraudpipeline.operator.model.FunctionRole;

/**
 * The component part of each ACK object's name, {@code <pipeline>-<component>}: the same names as
 * the Crossplane stack's where the piece is the same, so {@code kubectl get} reads alike.
 */
final class AckComponents {

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
  static final String PROCESSOR_STREAM = "processor-stream";

  /** The alias every caller of a function calls; it carries the API's invoke permission. */
  static final String LIVE = FunctionAliases.LIVE;

  private AckComponents() {}

  static String deadLetterQueue(FunctionRole f) {
    return f.shortName() + "-dlq";
  }

  static String role(FunctionRole f) {
    return f.shortName() + "-role";
  }

  static String logGroup(FunctionRole f) {
    return f.shortName() + "-logs";
  }

  static String function(FunctionRole f) {
    return f.shortName();
  }

  static String alias(FunctionRole f) {
    return f.shortName() + "-" + LIVE;
  }

  /** A hash of what makes the object: a new hash is a new object (used for replacements). */
  static String hashed(String component, String canonical) {
    return component + "-" + DeploymentTrigger.hash(canonical).substring(0, 10);
  }

  /** Named by what it is, so removing one subscription does not rename the others. */
  static String subscription(String topicComponent, SubscriptionSpec s) {
    return hashed(topicComponent + "-sub", s.getProtocol().value() + ":" + s.getEndpoint());
  }

  static String alarm(String awsName, String suffix) {
    return "alarm-" + awsName.substring(0, awsName.length() - suffix.length() - 1);
  }
}
