package io.fraudpipeline.operator.ack;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.operator.model.DataDesign;
import io.fraudpipeline.operator.stack.FieldPath;
import io.fraudpipeline.operator.stack.ObjectBuilder;
import io.fraudpipeline.operator.stack.ResourceType;
import io.fraudpipeline.operator.stack.StackBuild;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tables, dead-letter queues, topics and their subscriptions, in the ACK controllers' shapes. */
final class AckData {

  private AckData() {}

  static void add(StackBuild build) {
    for (DataDesign.Table t : DataDesign.tables(build.names)) {
      ObjectBuilder table = table(build, t);
      table
          .set("attributeDefinitions", List.of(attribute(t.hashKey())))
          .set("keySchema", List.of(hashKey(t.hashKey())));
      if (t.streamViewType() != null) {
        Map<String, Object> stream = new LinkedHashMap<>();
        stream.put("streamEnabled", true);
        stream.put("streamViewType", t.streamViewType());
        table.set("streamSpecification", stream);
      }
      if (t.pointInTimeRecovery()) {
        table.set("continuousBackups", Map.of("pointInTimeRecoveryEnabled", true));
      }
      if (t.ttlAttribute() != null) {
        Map<String, Object> ttl = new LinkedHashMap<>();
        ttl.put("attributeName", t.ttlAttribute());
        ttl.put("enabled", true);
        table.set("timeToLive", ttl);
      }
      build.emit(table);
    }
    for (DataDesign.Queue q : DataDesign.deadLetterQueues(build.spec, build.names)) {
      build.emit(
          build
              .object(ResourceType.QUEUE, q.component())
              .set("queueName", q.awsName())
              // every SQS attribute is a string in ACK's Queue
              .set("messageRetentionPeriod", String.valueOf(q.retentionSeconds()))
              .set("sqsManagedSSEEnabled", "true"));
    }
    for (DataDesign.Topic t : DataDesign.topics(build.names)) {
      build.emit(build.object(ResourceType.TOPIC, t.component()).set("name", t.awsName()));
    }
    for (DataDesign.Subscription s : DataDesign.subscriptions(build.spec)) {
      build.emit(
          build
              .object(ResourceType.SUBSCRIPTION, s.component())
              .ref("topicRef", build.name(s.topicComponent()))
              .set("protocol", s.protocol())
              .set("endpoint", s.endpoint()));
    }
  }

  /**
   * Retain: ACK keeps the table when its object goes, DynamoDB refuses to delete it, and a pipeline
   * created again over it adopts it instead of failing with "already exists". Delete: protection
   * off, and the object asks ACK to delete the table only once the table reports protection off
   * (ACK deletes before it updates, so a DeleteTable on a protected table would be refused and the
   * object would hang on its finalizer).
   */
  private static ObjectBuilder table(StackBuild build, DataDesign.Table t) {
    boolean retain = build.retain();
    ObjectBuilder table =
        build
            .object(ResourceType.TABLE, t.component())
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
    return table.annotate(
        AckAnnotations.DELETION_POLICY, deletable ? AckAnnotations.DELETE : AckAnnotations.RETAIN);
  }

  private static boolean protectionOff(GenericKubernetesResource observed) {
    return !Boolean.TRUE.equals(FieldPath.get(observed, "spec", "deletionProtectionEnabled"))
        && AckDialect.INSTANCE.isReady(observed);
  }

  private static Map<String, Object> attribute(String name) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("attributeName", name);
    a.put("attributeType", DataDesign.KEY_TYPE);
    return a;
  }

  private static Map<String, Object> hashKey(String name) {
    Map<String, Object> k = new LinkedHashMap<>();
    k.put("attributeName", name);
    k.put("keyType", "HASH");
    return k;
  }
}
