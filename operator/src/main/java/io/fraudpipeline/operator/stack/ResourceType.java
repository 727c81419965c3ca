package io.fraudpipeline.operator.stack;

/**
 * The AWS resources every backend makes for a pipeline, by what they are rather than by any
 * backend's kind: the shared recipe asks for a table's ARN or a stage's readiness in these words,
 * and each {@link Dialect} names its kind for them. Objects only one backend has (Crossplane's
 * RolePolicy, Permission, UsagePlan...) stay in that backend.
 */
public enum ResourceType {
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
  METRIC_ALARM,
  /** The EventBridge rule that runs the pipeline's check on its schedule. */
  SCHEDULE_RULE,
  DASHBOARD
}
