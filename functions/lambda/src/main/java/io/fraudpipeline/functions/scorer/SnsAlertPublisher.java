package io.fraudpipeline.functions.scorer;

import io.fraudpipeline.functions.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.utils.Lazy;

/**
 * Publishes alerts to the fraud alert topic: a fixed subject, a JSON message, and message
 * attributes a subscription filter policy can match on (for instance {@code fraud_score > 0.9} or
 * one merchant).
 */
public final class SnsAlertPublisher implements AlertPublisher {

  public static final String SUBJECT = "Fraud Alert";

  private final Lazy<SnsClient> sns;
  private final String topicArn;

  public SnsAlertPublisher(SnsClient sns, String topicArn) {
    this.sns = Lazy.withValue(sns);
    this.topicArn = topicArn;
  }

  /**
   * Builds the client at the first alert: most events alert on nothing, and the SNS client (its XML
   * protocol included) is a measurable part of a cold start.
   */
  public SnsAlertPublisher(Supplier<SnsClient> sns, String topicArn) {
    this.sns = new Lazy<>(sns);
    this.topicArn = topicArn;
  }

  @Override
  public void publish(FraudAlert alert) {
    sns.getValue()
        .publish(
            p ->
                p.topicArn(topicArn)
                    .subject(SUBJECT)
                    .message(message(alert))
                    .messageAttributes(attributes(alert)));
  }

  static String message(FraudAlert alert) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("transaction_id", alert.transactionId());
    message.put("fraud_score", alert.score());
    message.put("alert_threshold", alert.alertThreshold());
    message.put("amount", alert.amount());
    message.put("merchant", alert.merchant());
    message.put("timestamp", alert.timestamp());
    return Json.write(message);
  }

  static Map<String, MessageAttributeValue> attributes(FraudAlert alert) {
    Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
    attributes.put("event_type", string("fraud_alert"));
    attributes.put("transaction_id", string(alert.transactionId()));
    attributes.put("merchant", string(alert.merchant()));
    attributes.put("fraud_score", number(alert.score().toPlainString()));
    attributes.put("amount", number(alert.amount().toPlainString()));
    return attributes;
  }

  private static MessageAttributeValue string(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }

  private static MessageAttributeValue number(String value) {
    return MessageAttributeValue.builder().dataType("Number").stringValue(value).build();
  }
}
