package io.fraudpipeline.operator.crossplane;

import io.fraudpipeline.operator.model.DataDesign;
import io.fraudpipeline.operator.stack.DataObjects;
import io.fraudpipeline.operator.stack.ObjectBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tables, dead-letter queues, topics and their subscriptions in the providers' shapes. A retained
 * table is kept from deletion by its management policies, everything but Delete.
 */
final class DataResources implements DataObjects.Shape {

  static final DataResources INSTANCE = new DataResources();

  /** Everything but Delete: the table, and its data, outlive the pipeline. */
  static final List<String> RETAIN_POLICIES =
      List.of("Observe", "Create", "Update", "LateInitialize");

  static final List<String> ALL_POLICIES = List.of("*");

  private DataResources() {}

  @Override
  public void table(ObjectBuilder table, DataDesign.Table t, boolean retain) {
    Map<String, Object> attribute = new LinkedHashMap<>();
    attribute.put("name", t.hashKey());
    attribute.put("type", DataDesign.KEY_TYPE);
    table
        .annotate(CrossplaneDialect.EXTERNAL_NAME, t.awsName())
        .specField("managementPolicies", retain ? RETAIN_POLICIES : ALL_POLICIES)
        .set("billingMode", DataDesign.BILLING_MODE)
        .set("deletionProtectionEnabled", retain)
        .set("attribute", List.of(attribute))
        .set("hashKey", t.hashKey());
    if (t.streamViewType() != null) {
      table.set("streamEnabled", true).set("streamViewType", t.streamViewType());
    }
    if (t.pointInTimeRecovery()) {
      table.set("pointInTimeRecovery", Map.of("enabled", true));
    }
    table.set("ttl", t.timeToLive());
  }

  @Override
  public void queue(ObjectBuilder queue, DataDesign.Queue q) {
    queue
        .set("name", q.awsName())
        .set("messageRetentionSeconds", q.retentionSeconds())
        .set("sqsManagedSseEnabled", true);
  }

  @Override
  public void topic(ObjectBuilder topic, DataDesign.Topic t) {
    topic.annotate(CrossplaneDialect.EXTERNAL_NAME, t.awsName());
  }

  @Override
  public void subscribe(ObjectBuilder subscription, String topicObject) {
    subscription.ref("topicArnRef", topicObject);
  }
}
