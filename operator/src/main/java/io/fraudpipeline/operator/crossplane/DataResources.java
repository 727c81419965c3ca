package io.fraudpipeline.operator.crossplane;

import io.fraudpipeline.operator.model.DataDesign;
import io.fraudpipeline.operator.stack.ResourceType;
import io.fraudpipeline.operator.stack.StackBuild;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tables, dead-letter queues, topics and their subscriptions, in the providers' shapes. */
final class DataResources {

  /** Everything but Delete: the table, and its data, outlive the pipeline. */
  static final List<String> RETAIN_POLICIES =
      List.of("Observe", "Create", "Update", "LateInitialize");

  static final List<String> ALL_POLICIES = List.of("*");

  private DataResources() {}

  static void add(StackBuild build) {
    boolean retain = build.retain();
    for (DataDesign.Table t : DataDesign.tables(build.names)) {
      var table =
          build
              .object(ResourceType.TABLE, t.component())
              .annotate(CrossplaneDialect.EXTERNAL_NAME, t.awsName())
              .specField("managementPolicies", retain ? RETAIN_POLICIES : ALL_POLICIES)
              .set("billingMode", DataDesign.BILLING_MODE)
              .set("deletionProtectionEnabled", retain)
              .set("attribute", List.of(attribute(t.hashKey())))
              .set("hashKey", t.hashKey());
      if (t.streamViewType() != null) {
        table.set("streamEnabled", true).set("streamViewType", t.streamViewType());
      }
      if (t.pointInTimeRecovery()) {
        table.set("pointInTimeRecovery", Map.of("enabled", true));
      }
      if (t.ttlAttribute() != null) {
        Map<String, Object> ttl = new LinkedHashMap<>();
        ttl.put("attributeName", t.ttlAttribute());
        ttl.put("enabled", true);
        table.set("ttl", ttl);
      }
      build.emit(table);
    }
    for (DataDesign.Queue q : DataDesign.deadLetterQueues(build.spec, build.names)) {
      build.emit(
          build
              .object(ResourceType.QUEUE, q.component())
              .set("name", q.awsName())
              .set("messageRetentionSeconds", q.retentionSeconds())
              .set("sqsManagedSseEnabled", true));
    }
    for (DataDesign.Topic t : DataDesign.topics(build.names)) {
      build.emit(
          build
              .object(ResourceType.TOPIC, t.component())
              .annotate(CrossplaneDialect.EXTERNAL_NAME, t.awsName()));
    }
    for (DataDesign.Subscription s : DataDesign.subscriptions(build.spec)) {
      build.emit(
          build
              .object(ResourceType.SUBSCRIPTION, s.component())
              .ref("topicArnRef", build.name(s.topicComponent()))
              .set("protocol", s.protocol())
              .set("endpoint", s.endpoint()));
    }
  }

  private static Map<String, Object> attribute(String name) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("name", name);
    a.put("type", DataDesign.KEY_TYPE);
    return a;
  }
}
