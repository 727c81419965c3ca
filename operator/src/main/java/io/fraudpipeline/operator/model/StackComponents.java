package io.fraudpipeline.operator.model;

import io.fraudpipeline.api.v1alpha1.SubscriptionSpec;

/**
 * The component part of each object's Kubernetes name, {@code <pipeline>-<component>}, for the
 * pieces both backends have: one name per piece whichever backend makes it, so {@code kubectl get}
 * reads alike and a name cannot drift between them. Kinds only one backend has name themselves
 * there.
 */
public final class StackComponents {

  public static final String TRANSACTIONS_TABLE = "transactions";
  public static final String FRAUD_SCORES_TABLE = "fraud-scores";
  public static final String ALERT_TOPIC = "alerts";
  public static final String ALARM_TOPIC = "alarms";
  public static final String REST_API = "api";
  public static final String TRANSACTIONS_RESOURCE = "api-transactions";
  public static final String TRANSACTION_RESOURCE = "api-transaction";
  public static final String POST_TRANSACTIONS = "api-post-transactions";
  public static final String GET_TRANSACTION = "api-get-transaction";
  public static final String DEPLOYMENT = "api-deployment";
  public static final String STAGE = "api-stage";
  public static final String PROCESSOR_STREAM = "processor-stream";
  public static final String CHECK_SCHEDULE = "check-schedule";
  public static final String DASHBOARD = "dashboard";

  private StackComponents() {}

  public static String deadLetterQueue(FunctionRole f) {
    return f.shortName() + "-dlq";
  }

  public static String role(FunctionRole f) {
    return f.shortName() + "-role";
  }

  public static String logGroup(FunctionRole f) {
    return f.shortName() + "-logs";
  }

  public static String function(FunctionRole f) {
    return f.shortName();
  }

  /** The alias every caller of a function calls. */
  public static String alias(FunctionRole f) {
    return f.shortName() + "-" + FunctionAliases.LIVE;
  }

  /**
   * A component named by a hash of what it is: a new hash is a new object, which is how pieces that
   * cannot change in place are replaced.
   */
  public static String hashed(String component, String canonical) {
    return component + "-" + DeploymentTrigger.hash(canonical).substring(0, 10);
  }

  /**
   * A subscription is named by a hash of what it is, so removing one does not rename the others
   * (which would delete and re-create them, asking each email address to confirm again).
   */
  public static String subscription(String topicComponent, SubscriptionSpec s) {
    return hashed(topicComponent + "-sub", s.getProtocol().value() + ":" + s.getEndpoint());
  }

  /** An alarm by its AWS name without the suffix: {@code alarm-transaction-processor-errors}. */
  public static String alarm(String awsName, String suffix) {
    return "alarm-" + awsName.substring(0, awsName.length() - suffix.length() - 1);
  }
}
