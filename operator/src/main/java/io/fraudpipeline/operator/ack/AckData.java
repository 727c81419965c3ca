package io.fraudpipeline.operator.ack;

import static io.fraudpipeline.operator.ack.AckKinds.QUEUE;
import static io.fraudpipeline.operator.ack.AckKinds.SUBSCRIPTION;
import static io.fraudpipeline.operator.ack.AckKinds.TABLE;
import static io.fraudpipeline.operator.ack.AckKinds.TOPIC;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.api.v1alpha1.SubscriptionSpec;
import io.fraudpipeline.functions.contract.TableSchema;
import io.fraudpipeline.operator.model.FunctionRole;
import io.fraudpipeline.operator.model.StackComponents;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tables, dead-letter queues, topics and their subscriptions, as ACK objects. */
final class AckData {

  private AckData() {}

  static void add(AckContext ctx) {
    ctx.emit(transactionsTable(ctx));
    ctx.emit(fraudScoresTable(ctx));
    for (FunctionRole f : FunctionRole.values()) {
      ctx.emit(
          ctx.object(QUEUE, StackComponents.deadLetterQueue(f))
              .set("queueName", ctx.names.deadLetterQueue(f))
              // every SQS attribute is a string in ACK's Queue
              .set(
                  "messageRetentionPeriod",
                  String.valueOf(ctx.spec.getDeadLetter().getRetentionSeconds()))
              .set("sqsManagedSSEEnabled", "true"));
    }
    ctx.emit(ctx.object(TOPIC, StackComponents.ALERT_TOPIC).set("name", ctx.names.alertTopic()));
    ctx.emit(ctx.object(TOPIC, StackComponents.ALARM_TOPIC).set("name", ctx.names.alarmTopic()));
    for (SubscriptionSpec s : ctx.spec.getAlerts().getSubscriptions()) {
      ctx.emit(subscription(ctx, StackComponents.ALERT_TOPIC, s));
    }
    for (SubscriptionSpec s : ctx.spec.getAlarms().getSubscriptions()) {
      ctx.emit(subscription(ctx, StackComponents.ALARM_TOPIC, s));
    }
  }

  private static AckObject transactionsTable(AckContext ctx) {
    Map<String, Object> stream = new LinkedHashMap<>();
    stream.put("streamEnabled", true);
    stream.put("streamViewType", TableSchema.TRANSACTIONS_STREAM_VIEW);
    return table(ctx, StackComponents.TRANSACTIONS_TABLE, ctx.names.transactionsTable())
        .set("attributeDefinitions", List.of(attribute(TableSchema.TRANSACTION_ID, "S")))
        .set("keySchema", List.of(hashKey(TableSchema.TRANSACTION_ID)))
        .set("streamSpecification", stream)
        .set("continuousBackups", Map.of("pointInTimeRecoveryEnabled", true));
  }

  private static AckObject fraudScoresTable(AckContext ctx) {
    Map<String, Object> ttl = new LinkedHashMap<>();
    ttl.put("attributeName", TableSchema.EXPIRY);
    ttl.put("enabled", true);
    return table(ctx, StackComponents.FRAUD_SCORES_TABLE, ctx.names.fraudScoresTable())
        .set("attributeDefinitions", List.of(attribute(TableSchema.TRANSACTION_ID, "S")))
        .set("keySchema", List.of(hashKey(TableSchema.TRANSACTION_ID)))
        .set("timeToLive", ttl);
  }

  /**
   * Retain: ACK keeps the table when its object goes, DynamoDB refuses to delete it, and a pipeline
   * created again over it adopts it instead of failing with "already exists". Delete: protection
   * off, and the object asks ACK to delete the table only once the table reports protection off
   * (ACK deletes before it updates, so a DeleteTable on a protected table would be refused and the
   * object would hang on its finalizer).
   */
  private static AckObject table(AckContext ctx, String component, String awsName) {
    boolean retain = ctx.retain();
    AckObject table =
        ctx.object(TABLE, component)
            .set("tableName", awsName)
            .set("billingMode", "PAY_PER_REQUEST")
            .set("deletionProtectionEnabled", retain)
            .adoptOrCreate(Map.of("tableName", awsName));
    boolean deletable =
        !retain
            && ctx.observed
                .find(TABLE, ctx.name(component))
                .map(AckData::protectionOff)
                .orElse(true);
    return table.annotate(
        AckAnnotations.DELETION_POLICY, deletable ? AckAnnotations.DELETE : AckAnnotations.RETAIN);
  }

  private static boolean protectionOff(GenericKubernetesResource observed) {
    return !Boolean.TRUE.equals(AckStatus.path(observed, "spec", "deletionProtectionEnabled"))
        && AckReadiness.isReady(observed);
  }

  private static Map<String, Object> attribute(String name, String type) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("attributeName", name);
    a.put("attributeType", type);
    return a;
  }

  private static Map<String, Object> hashKey(String name) {
    Map<String, Object> k = new LinkedHashMap<>();
    k.put("attributeName", name);
    k.put("keyType", "HASH");
    return k;
  }

  private static AckObject subscription(AckContext ctx, String topicComponent, SubscriptionSpec s) {
    return ctx.object(SUBSCRIPTION, StackComponents.subscription(topicComponent, s))
        .ref("topicRef", ctx.name(topicComponent))
        .set("protocol", s.getProtocol().value())
        .set("endpoint", s.getEndpoint());
  }
}
