package io.fraudpipeline.operator.ack;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.operator.model.DataDesign;
import io.fraudpipeline.operator.stack.DataObjects;
import io.fraudpipeline.operator.stack.FieldPath;
import io.fraudpipeline.operator.stack.ObjectBuilder;
import io.fraudpipeline.operator.stack.StackBuild;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tables, dead-letter queues, topics and their subscriptions in the ACK controllers' shapes: each
 * table adopts an existing one of its name, and its deletion policy follows its protection.
 */
final class AckData implements DataObjects.Shape {

  private final StackBuild build;

  AckData(StackBuild build) {
    this.build = build;
  }

  /**
   * Retain: ACK keeps the table when its object goes, DynamoDB refuses to delete it, and a pipeline
   * created again over it adopts it instead of failing with "already exists". Delete: protection
   * off, and the object asks ACK to delete the table only once the table reports protection off
   * (ACK deletes before it updates, so a DeleteTable on a protected table would be refused and the
   * object would hang on its finalizer).
   */
  @Override
  public void table(ObjectBuilder table, DataDesign.Table t, boolean retain) {
    table
        .set("tableName", t.awsName())
        .set("billingMode", DataDesign.BILLING_MODE)
        .set("deletionProtectionEnabled", retain);
    AckAnnotations.adoptOrCreate(table, Map.of("tableName", t.awsName()));
    boolean deletable =
        !retain
            && build
                .observed
                .find(table.kind(), table.name())
                .map(AckData::protectionOff)
                .orElse(true);
    table.annotate(
        AckAnnotations.DELETION_POLICY, deletable ? AckAnnotations.DELETE : AckAnnotations.RETAIN);
    Map<String, Object> attribute = new LinkedHashMap<>();
    attribute.put("attributeName", t.hashKey());
    attribute.put("attributeType", DataDesign.KEY_TYPE);
    Map<String, Object> hashKey = new LinkedHashMap<>();
    hashKey.put("attributeName", t.hashKey());
    hashKey.put("keyType", "HASH");
    table.set("attributeDefinitions", List.of(attribute)).set("keySchema", List.of(hashKey));
    if (t.streamViewType() != null) {
      Map<String, Object> stream = new LinkedHashMap<>();
      stream.put("streamEnabled", true);
      stream.put("streamViewType", t.streamViewType());
      table.set("streamSpecification", stream);
    }
    if (t.pointInTimeRecovery()) {
      table.set("continuousBackups", Map.of("pointInTimeRecoveryEnabled", true));
    }
    table.set("timeToLive", t.timeToLive());
  }

  private static boolean protectionOff(GenericKubernetesResource observed) {
    return !Boolean.TRUE.equals(FieldPath.get(observed, "spec", "deletionProtectionEnabled"))
        && AckDialect.INSTANCE.isReady(observed);
  }

  @Override
  public void queue(ObjectBuilder queue, DataDesign.Queue q) {
    queue
        .set("queueName", q.awsName())
        // every SQS attribute is a string in ACK's Queue
        .set("messageRetentionPeriod", String.valueOf(q.retentionSeconds()))
        .set("sqsManagedSSEEnabled", "true");
  }

  @Override
  public void topic(ObjectBuilder topic, DataDesign.Topic t) {
    topic.set("name", t.awsName());
  }

  @Override
  public void subscribe(ObjectBuilder subscription, String topicObject) {
    subscription.ref("topicRef", topicObject);
  }
}
