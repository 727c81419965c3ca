package io.fraudpipeline.operator.crossplane;

import io.fraudpipeline.operator.crossplane.kinds.Alias;
import io.fraudpipeline.operator.crossplane.kinds.ApiKey;
import io.fraudpipeline.operator.crossplane.kinds.ApiResource;
import io.fraudpipeline.operator.crossplane.kinds.Dashboard;
import io.fraudpipeline.operator.crossplane.kinds.Deployment;
import io.fraudpipeline.operator.crossplane.kinds.EventSourceMapping;
import io.fraudpipeline.operator.crossplane.kinds.Function;
import io.fraudpipeline.operator.crossplane.kinds.FunctionEventInvokeConfig;
import io.fraudpipeline.operator.crossplane.kinds.Integration;
import io.fraudpipeline.operator.crossplane.kinds.LogGroup;
import io.fraudpipeline.operator.crossplane.kinds.Method;
import io.fraudpipeline.operator.crossplane.kinds.MethodSettings;
import io.fraudpipeline.operator.crossplane.kinds.MetricAlarm;
import io.fraudpipeline.operator.crossplane.kinds.Permission;
import io.fraudpipeline.operator.crossplane.kinds.Queue;
import io.fraudpipeline.operator.crossplane.kinds.RestApi;
import io.fraudpipeline.operator.crossplane.kinds.Role;
import io.fraudpipeline.operator.crossplane.kinds.RolePolicy;
import io.fraudpipeline.operator.crossplane.kinds.RolePolicyAttachment;
import io.fraudpipeline.operator.crossplane.kinds.ScheduleRule;
import io.fraudpipeline.operator.crossplane.kinds.ScheduleTarget;
import io.fraudpipeline.operator.crossplane.kinds.Stage;
import io.fraudpipeline.operator.crossplane.kinds.Table;
import io.fraudpipeline.operator.crossplane.kinds.Topic;
import io.fraudpipeline.operator.crossplane.kinds.TopicSubscription;
import io.fraudpipeline.operator.crossplane.kinds.UsagePlan;
import io.fraudpipeline.operator.crossplane.kinds.UsagePlanKey;
import io.fraudpipeline.operator.stack.ManagedKind;
import io.fraudpipeline.operator.stack.ResourceType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every Crossplane kind the operator can emit, including those only some pipelines need (API_KEY
 * usage plans, subscriptions). The renderer builds its objects from these constants and the chart's
 * RBAC is derived from {@link #all()}, so the two cannot disagree.
 */
public final class CrossplaneKinds {

  private static final boolean REGIONAL = true;
  private static final boolean GLOBAL = false;
  private static final boolean TAGGED = true;
  private static final boolean UNTAGGED = false;

  public static final ManagedKind TABLE = ManagedKind.of(Table.class, REGIONAL, TAGGED);
  public static final ManagedKind QUEUE = ManagedKind.of(Queue.class, REGIONAL, TAGGED);
  public static final ManagedKind TOPIC = ManagedKind.of(Topic.class, REGIONAL, TAGGED);
  public static final ManagedKind TOPIC_SUBSCRIPTION =
      ManagedKind.of(TopicSubscription.class, REGIONAL, UNTAGGED);
  public static final ManagedKind ROLE = ManagedKind.of(Role.class, GLOBAL, TAGGED);
  public static final ManagedKind ROLE_POLICY = ManagedKind.of(RolePolicy.class, GLOBAL, UNTAGGED);
  public static final ManagedKind ROLE_POLICY_ATTACHMENT =
      ManagedKind.of(RolePolicyAttachment.class, GLOBAL, UNTAGGED);
  public static final ManagedKind LOG_GROUP = ManagedKind.of(LogGroup.class, REGIONAL, TAGGED);
  public static final ManagedKind FUNCTION = ManagedKind.of(Function.class, REGIONAL, TAGGED);
  public static final ManagedKind ALIAS = ManagedKind.of(Alias.class, REGIONAL, UNTAGGED);
  public static final ManagedKind FUNCTION_EVENT_INVOKE_CONFIG =
      ManagedKind.of(FunctionEventInvokeConfig.class, REGIONAL, UNTAGGED);
  public static final ManagedKind EVENT_SOURCE_MAPPING =
      ManagedKind.of(EventSourceMapping.class, REGIONAL, TAGGED);
  public static final ManagedKind PERMISSION = ManagedKind.of(Permission.class, REGIONAL, UNTAGGED);
  public static final ManagedKind REST_API = ManagedKind.of(RestApi.class, REGIONAL, TAGGED);
  public static final ManagedKind API_RESOURCE =
      ManagedKind.of(ApiResource.class, REGIONAL, UNTAGGED);
  public static final ManagedKind METHOD = ManagedKind.of(Method.class, REGIONAL, UNTAGGED);
  public static final ManagedKind INTEGRATION =
      ManagedKind.of(Integration.class, REGIONAL, UNTAGGED);
  public static final ManagedKind DEPLOYMENT = ManagedKind.of(Deployment.class, REGIONAL, UNTAGGED);
  public static final ManagedKind STAGE = ManagedKind.of(Stage.class, REGIONAL, TAGGED);
  public static final ManagedKind METHOD_SETTINGS =
      ManagedKind.of(MethodSettings.class, REGIONAL, UNTAGGED);
  public static final ManagedKind USAGE_PLAN = ManagedKind.of(UsagePlan.class, REGIONAL, TAGGED);
  public static final ManagedKind API_KEY = ManagedKind.of(ApiKey.class, REGIONAL, TAGGED);
  public static final ManagedKind USAGE_PLAN_KEY =
      ManagedKind.of(UsagePlanKey.class, REGIONAL, UNTAGGED);
  public static final ManagedKind METRIC_ALARM =
      ManagedKind.of(MetricAlarm.class, REGIONAL, TAGGED);
  public static final ManagedKind SCHEDULE_RULE =
      ManagedKind.of(ScheduleRule.class, REGIONAL, TAGGED);
  public static final ManagedKind SCHEDULE_TARGET =
      ManagedKind.of(ScheduleTarget.class, REGIONAL, UNTAGGED);
  public static final ManagedKind DASHBOARD = ManagedKind.of(Dashboard.class, REGIONAL, UNTAGGED);

  private static final List<ManagedKind> ALL =
      List.of(
          TABLE,
          QUEUE,
          TOPIC,
          TOPIC_SUBSCRIPTION,
          ROLE,
          ROLE_POLICY,
          ROLE_POLICY_ATTACHMENT,
          LOG_GROUP,
          FUNCTION,
          ALIAS,
          FUNCTION_EVENT_INVOKE_CONFIG,
          EVENT_SOURCE_MAPPING,
          PERMISSION,
          REST_API,
          API_RESOURCE,
          METHOD,
          INTEGRATION,
          DEPLOYMENT,
          STAGE,
          METHOD_SETTINGS,
          USAGE_PLAN,
          API_KEY,
          USAGE_PLAN_KEY,
          METRIC_ALARM,
          SCHEDULE_RULE,
          SCHEDULE_TARGET,
          DASHBOARD);

  private static final Map<ResourceType, ManagedKind> BY_TYPE = new EnumMap<>(ResourceType.class);

  static {
    BY_TYPE.put(ResourceType.TABLE, TABLE);
    BY_TYPE.put(ResourceType.QUEUE, QUEUE);
    BY_TYPE.put(ResourceType.TOPIC, TOPIC);
    BY_TYPE.put(ResourceType.SUBSCRIPTION, TOPIC_SUBSCRIPTION);
    BY_TYPE.put(ResourceType.ROLE, ROLE);
    BY_TYPE.put(ResourceType.LOG_GROUP, LOG_GROUP);
    BY_TYPE.put(ResourceType.FUNCTION, FUNCTION);
    BY_TYPE.put(ResourceType.ALIAS, ALIAS);
    BY_TYPE.put(ResourceType.EVENT_SOURCE_MAPPING, EVENT_SOURCE_MAPPING);
    BY_TYPE.put(ResourceType.REST_API, REST_API);
    BY_TYPE.put(ResourceType.API_RESOURCE, API_RESOURCE);
    BY_TYPE.put(ResourceType.METHOD, METHOD);
    BY_TYPE.put(ResourceType.INTEGRATION, INTEGRATION);
    BY_TYPE.put(ResourceType.DEPLOYMENT, DEPLOYMENT);
    BY_TYPE.put(ResourceType.STAGE, STAGE);
    BY_TYPE.put(ResourceType.METRIC_ALARM, METRIC_ALARM);
    BY_TYPE.put(ResourceType.SCHEDULE_RULE, SCHEDULE_RULE);
    BY_TYPE.put(ResourceType.DASHBOARD, DASHBOARD);
  }

  private CrossplaneKinds() {}

  static ManagedKind of(ResourceType type) {
    return BY_TYPE.get(type);
  }

  /** Every kind the operator can emit, in the order a stack is created. */
  public static List<ManagedKind> all() {
    return ALL;
  }

  /** The kind of an object by apiVersion and kind, if the operator emits it. */
  public static java.util.Optional<ManagedKind> find(String apiVersion, String kind) {
    return ALL.stream().filter(k -> k.is(apiVersion, kind)).findFirst();
  }
}
