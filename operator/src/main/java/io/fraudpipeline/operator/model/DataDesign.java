package io.fraudpipeline.operator.model;

import io.fraudpipeline.api.v1alpha1.FraudPipelineSpec;
import io.fraudpipeline.api.v1alpha1.SubscriptionSpec;
import io.fraudpipeline.functions.contract.TableSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack's data and messaging in AWS's terms, whichever backend makes them: the two tables, a
 * dead-letter queue per function, the alert and alarm topics and their subscriptions.
 */
public final class DataDesign {

  /**
   * A DynamoDB table keyed by the transaction id, billed per request.
   *
   * @param streamViewType the stream's view, or null for none
   * @param ttlAttribute the attribute that expires items, or null for none
   */
  public record Table(
      String component,
      String awsName,
      String hashKey,
      String streamViewType,
      boolean pointInTimeRecovery,
      String ttlAttribute) {

    /** DynamoDB's TimeToLiveSpecification, which both backends spell alike; null without. */
    public Map<String, Object> timeToLive() {
      if (ttlAttribute == null) {
        return null;
      }
      Map<String, Object> ttl = new LinkedHashMap<>();
      ttl.put("attributeName", ttlAttribute);
      ttl.put("enabled", true);
      return ttl;
    }
  }

  /** A dead-letter queue, encrypted with SQS-managed keys. */
  public record Queue(String component, String awsName, Integer retentionSeconds) {}

  public record Topic(String component, String awsName) {}

  public record Subscription(
      String component, String topicComponent, String protocol, String endpoint) {}

  public static final String BILLING_MODE = "PAY_PER_REQUEST";
  public static final String KEY_TYPE = "S";

  private DataDesign() {}

  public static List<Table> tables(AwsNames names) {
    return List.of(
        new Table(
            StackComponents.TRANSACTIONS_TABLE,
            names.transactionsTable(),
            TableSchema.TRANSACTION_ID,
            TableSchema.TRANSACTIONS_STREAM_VIEW,
            true,
            // only synthetic transactions carry it: the check's leave no trace
            TableSchema.EXPIRY),
        new Table(
            StackComponents.FRAUD_SCORES_TABLE,
            names.fraudScoresTable(),
            TableSchema.TRANSACTION_ID,
            null,
            false,
            TableSchema.EXPIRY));
  }

  public static List<Queue> deadLetterQueues(FraudPipelineSpec spec, AwsNames names) {
    List<Queue> queues = new ArrayList<>();
    for (FunctionRole f : FunctionRole.SERVING) {
      queues.add(
          new Queue(
              StackComponents.deadLetterQueue(f),
              names.deadLetterQueue(f),
              spec.getDeadLetter().getRetentionSeconds()));
    }
    return queues;
  }

  public static List<Topic> topics(AwsNames names) {
    return List.of(
        new Topic(StackComponents.ALERT_TOPIC, names.alertTopic()),
        new Topic(StackComponents.ALARM_TOPIC, names.alarmTopic()));
  }

  public static List<Subscription> subscriptions(FraudPipelineSpec spec) {
    List<Subscription> out = new ArrayList<>();
    for (SubscriptionSpec s : spec.getAlerts().getSubscriptions()) {
      out.add(subscription(StackComponents.ALERT_TOPIC, s));
    }
    for (SubscriptionSpec s : spec.getAlarms().getSubscriptions()) {
      out.add(subscription(StackComponents.ALARM_TOPIC, s));
    }
    return out;
  }

  private static Subscription subscription(String topicComponent, SubscriptionSpec s) {
    return new Subscription(
        StackComponents.subscription(topicComponent, s),
        topicComponent,
        s.getProtocol().value(),
        s.getEndpoint());
  }
}
