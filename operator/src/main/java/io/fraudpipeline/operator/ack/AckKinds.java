package io.fraudpipeline.operator.ack;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fraudpipeline.operator.ack.kinds.Alias;
import io.fraudpipeline.operator.ack.kinds.ApiResource;
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
import io.fraudpipeline.operator.ack.kinds.Stage;
import io.fraudpipeline.operator.ack.kinds.Subscription;
import io.fraudpipeline.operator.ack.kinds.Table;
import io.fraudpipeline.operator.ack.kinds.Topic;
import io.fraudpipeline.operator.stack.ManagedKind;
import io.fraudpipeline.operator.stack.ManagedObject;
import io.fraudpipeline.operator.stack.ResourceType;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every ACK kind the operator can emit. The renderer builds its objects from these constants and
 * the chart's RBAC is derived from {@link #all()}, so the two cannot disagree.
 */
public final class AckKinds {

  private static final Map<String, TagShape> TAGS = new HashMap<>();

  public static final ManagedKind TABLE = of(Table.class, TagShape.LIST);
  public static final ManagedKind QUEUE = of(Queue.class, TagShape.MAP);
  public static final ManagedKind TOPIC = of(Topic.class, TagShape.LIST);
  public static final ManagedKind SUBSCRIPTION = of(Subscription.class, TagShape.NONE);
  public static final ManagedKind ROLE = of(Role.class, TagShape.LIST);
  public static final ManagedKind LOG_GROUP = of(LogGroup.class, TagShape.MAP);
  public static final ManagedKind FUNCTION = of(Function.class, TagShape.MAP);
  public static final ManagedKind ALIAS = of(Alias.class, TagShape.NONE);
  public static final ManagedKind EVENT_SOURCE_MAPPING = of(EventSourceMapping.class, TagShape.MAP);
  public static final ManagedKind REST_API = of(RestApi.class, TagShape.MAP);
  public static final ManagedKind API_RESOURCE = of(ApiResource.class, TagShape.NONE);
  public static final ManagedKind METHOD = of(Method.class, TagShape.NONE);
  public static final ManagedKind INTEGRATION = of(Integration.class, TagShape.NONE);
  public static final ManagedKind DEPLOYMENT = of(Deployment.class, TagShape.NONE);
  public static final ManagedKind STAGE = of(Stage.class, TagShape.MAP);
  public static final ManagedKind METRIC_ALARM = of(MetricAlarm.class, TagShape.LIST);

  private static final List<ManagedKind> ALL =
      List.of(
          TABLE,
          QUEUE,
          TOPIC,
          SUBSCRIPTION,
          ROLE,
          LOG_GROUP,
          FUNCTION,
          ALIAS,
          EVENT_SOURCE_MAPPING,
          REST_API,
          API_RESOURCE,
          METHOD,
          INTEGRATION,
          DEPLOYMENT,
          STAGE,
          METRIC_ALARM);

  private static final Map<ResourceType, ManagedKind> BY_TYPE = new EnumMap<>(ResourceType.class);

  static {
    // ACK has a kind for each resource type and no other, listed in the types' order
    for (ResourceType type : ResourceType.values()) {
      BY_TYPE.put(type, ALL.get(type.ordinal()));
    }
  }

  private AckKinds() {}

  static ManagedKind of(ResourceType type) {
    return BY_TYPE.get(type);
  }

  /** Every kind the operator can emit with ACK, in the order a stack is created. */
  public static List<ManagedKind> all() {
    return ALL;
  }

  static TagShape tags(ManagedKind kind) {
    return TAGS.get(kind.kind());
  }

  /** Every ACK object carries its region as an annotation, IAM's too (the controller asks). */
  private static ManagedKind of(Class<? extends ManagedObject> type, TagShape tags) {
    ManagedKind kind =
        new ManagedKind(
            HasMetadata.getGroup(type),
            HasMetadata.getVersion(type),
            HasMetadata.getKind(type),
            HasMetadata.getPlural(type),
            type,
            true,
            tags != TagShape.NONE);
    TAGS.put(kind.kind(), tags);
    return kind;
  }
}
