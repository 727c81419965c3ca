package io.fraudpipeline.operator.ack;

import io.fraudpipeline.operator.ack.kinds.Alias;
import io.fraudpipeline.operator.ack.kinds.ApiResource;
import io.fraudpipeline.operator.ack.kinds.Dashboard;
import io.fraudpipeline.operator.ack.kinds.Deployment;
import io.fraudpipeline.operator.ack.kinds.EventSourceMapping;
import io.fraudpipeline.operator.ack.kinds.Function;
import io.fraudpipeline.operator.ack.kinds.Integration;
import io.fraudpipeline.operator.ack.kinds.LogGroup;
import io.fraudpipeline.operator.ack.kinds.Method;
import io.fraudpipeline.operator.ack.kinds.MetricAlarm;
import io.fraudpipeline.operator.ack.kinds.Queue;
import io.fraudpipeline.operator.ack.kinds.RestApi;
import io.fraudpipeline.operator.ack.kinds.Role;
import io.fraudpipeline.operator.ack.kinds.ScheduleRule;
import io.fraudpipeline.operator.ack.kinds.Stage;
import io.fraudpipeline.operator.ack.kinds.Subscription;
import io.fraudpipeline.operator.ack.kinds.Table;
import io.fraudpipeline.operator.ack.kinds.Topic;
import io.fraudpipeline.operator.stack.ManagedKind;
import io.fraudpipeline.operator.stack.ManagedObject;
import io.fraudpipeline.operator.stack.ResourceType;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every ACK kind the operator can emit: exactly one per {@link ResourceType}, as ACK has no kind of
 * its own for the pieces Crossplane spreads over several MRs, each with how it spells its tags. The
 * renderer builds its objects from these and the chart's RBAC is derived from {@link #all()}, so
 * the two cannot disagree.
 */
public enum AckKinds {
  TABLE(ResourceType.TABLE, Table.class, TagShape.LIST),
  QUEUE(ResourceType.QUEUE, Queue.class, TagShape.MAP),
  TOPIC(ResourceType.TOPIC, Topic.class, TagShape.LIST),
  SUBSCRIPTION(ResourceType.SUBSCRIPTION, Subscription.class, TagShape.NONE),
  ROLE(ResourceType.ROLE, Role.class, TagShape.LIST),
  LOG_GROUP(ResourceType.LOG_GROUP, LogGroup.class, TagShape.MAP),
  FUNCTION(ResourceType.FUNCTION, Function.class, TagShape.MAP),
  ALIAS(ResourceType.ALIAS, Alias.class, TagShape.NONE),
  EVENT_SOURCE_MAPPING(ResourceType.EVENT_SOURCE_MAPPING, EventSourceMapping.class, TagShape.MAP),
  REST_API(ResourceType.REST_API, RestApi.class, TagShape.MAP),
  API_RESOURCE(ResourceType.API_RESOURCE, ApiResource.class, TagShape.NONE),
  METHOD(ResourceType.METHOD, Method.class, TagShape.NONE),
  INTEGRATION(ResourceType.INTEGRATION, Integration.class, TagShape.NONE),
  DEPLOYMENT(ResourceType.DEPLOYMENT, Deployment.class, TagShape.NONE),
  STAGE(ResourceType.STAGE, Stage.class, TagShape.MAP),
  METRIC_ALARM(ResourceType.METRIC_ALARM, MetricAlarm.class, TagShape.LIST),
  SCHEDULE_RULE(ResourceType.SCHEDULE_RULE, ScheduleRule.class, TagShape.LIST),
  DASHBOARD(ResourceType.DASHBOARD, Dashboard.class, TagShape.NONE);

  private static final List<ManagedKind> ALL = Arrays.stream(values()).map(AckKinds::kind).toList();

  private final ResourceType type;
  private final ManagedKind kind;
  private final TagShape tags;

  /** Every ACK object carries its region as an annotation, IAM's too (the controller asks). */
  AckKinds(ResourceType type, Class<? extends ManagedObject> objects, TagShape tags) {
    this.type = type;
    this.tags = tags;
    this.kind = ManagedKind.of(objects, true, tags != TagShape.NONE);
  }

  public ManagedKind kind() {
    return kind;
  }

  /** Every kind the operator can emit with ACK, in the order a stack is created. */
  public static List<ManagedKind> all() {
    return ALL;
  }

  /** Looked up on every object a render builds: maps made once. */
  private static final class Index {
    static final Map<ResourceType, ManagedKind> BY_TYPE = new EnumMap<>(ResourceType.class);
    static final Map<ManagedKind, TagShape> TAGS = new HashMap<>();

    static {
      for (AckKinds k : values()) {
        BY_TYPE.put(k.type, k.kind);
        TAGS.put(k.kind, k.tags);
      }
    }
  }

  static ManagedKind of(ResourceType type) {
    return Index.BY_TYPE.get(type);
  }

  static TagShape tags(ManagedKind kind) {
    return Index.TAGS.get(kind);
  }
}
