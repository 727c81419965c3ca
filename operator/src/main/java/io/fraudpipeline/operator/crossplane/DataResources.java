package io.fraudpipeline.operator.crossplane;

import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.QUEUE;
import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.TABLE;
import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.TOPIC;
import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.TOPIC_SUBSCRIPTION;

import io.fraudpipeline.api.v1alpha1.SubscriptionSpec;
import io.fraudpipeline.functions.contract.TableSchema;
import io.fraudpipeline.operator.model.FunctionRole;
import io.fraudpipeline.operator.model.StackComponents;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tables, dead-letter queues, topics and their subscriptions. */
final class DataResources {

  /** Everything but Delete: the table, and its data, outlive the pipeline. */
  static final List<String> RETAIN_POLICIES =
      List.of("Observe", "Create", "Update", "LateInitialize");

  static final List<String> ALL_POLICIES = List.of("*");

  private DataResources() {}

  static void add(StackContext ctx) {
    ctx.emit(transactionsTable(ctx));
    ctx.emit(fraudScoresTable(ctx));
    for (FunctionRole f : FunctionRole.values()) {
      ctx.emit(deadLetterQueue(ctx, f));
    }
    ctx.emit(ctx.mr(TOPIC, StackComponents.ALERT_TOPIC).externalName(ctx.names.alertTopic()));
    ctx.emit(ctx.mr(TOPIC, StackComponents.ALARM_TOPIC).externalName(ctx.names.alarmTopic()));
    for (SubscriptionSpec s : ctx.spec.getAlerts().getSubscriptions()) {
      ctx.emit(subscription(ctx, StackComponents.ALERT_TOPIC, s));
    }
    for (SubscriptionSpec s : ctx.spec.getAlarms().getSubscriptions()) {
      ctx.emit(subscription(ctx, StackComponents.ALARM_TOPIC, s));
    }
  }

  private static MrBuilder transactionsTable(StackContext ctx) {
    return table(ctx, StackComponents.TRANSACTIONS_TABLE, ctx.names.transactionsTable())
        .set("attribute", List.of(attribute(TableSchema.TRANSACTION_ID, "S")))
        .set("hashKey", TableSchema.TRANSACTION_ID)
        .set("streamEnabled", true)
        .set("streamViewType", TableSchema.TRANSACTIONS_STREAM_VIEW)
        .set("pointInTimeRecovery", Map.of("enabled", true));
  }

  private static MrBuilder fraudScoresTable(StackContext ctx) {
    Map<String, Object> ttl = new LinkedHashMap<>();
    ttl.put("attributeName", TableSchema.EXPIRY);
    ttl.put("enabled", true);
    return table(ctx, StackComponents.FRAUD_SCORES_TABLE, ctx.names.fraudScoresTable())
        .set("attribute", List.of(attribute(TableSchema.TRANSACTION_ID, "S")))
        .set("hashKey", TableSchema.TRANSACTION_ID)
        .set("ttl", ttl);
  }

  private static MrBuilder table(StackContext ctx, String component, String awsName) {
    boolean retain = ctx.retain();
    return ctx.mr(TABLE, component)
        .externalName(awsName)
        .managementPolicies(retain ? RETAIN_POLICIES : ALL_POLICIES)
        .set("billingMode", "PAY_PER_REQUEST")
        .set("deletionProtectionEnabled", retain);
  }

  private static Map<String, Object> attribute(String name, String type) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("name", name);
    a.put("type", type);
    return a;
  }

  private static MrBuilder deadLetterQueue(StackContext ctx, FunctionRole f) {
    return ctx.mr(QUEUE, StackComponents.deadLetterQueue(f))
        .set("name", ctx.names.deadLetterQueue(f))
        .set("messageRetentionSeconds", ctx.spec.getDeadLetter().getRetentionSeconds())
        .set("sqsManagedSseEnabled", true);
  }

  private static MrBuilder subscription(
      StackContext ctx, String topicComponent, SubscriptionSpec s) {
    return ctx.mr(TOPIC_SUBSCRIPTION, StackComponents.subscription(topicComponent, s))
        .ref("topicArnRef", ctx.mrName(topicComponent))
        .set("protocol", s.getProtocol().value())
        .set("endpoint", s.getEndpoint());
  }
}
