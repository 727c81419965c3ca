package io.fraudpipeline.operator.stack;

/**
 * The order a pipeline's objects are deleted in, the reverse of how the stack comes up: what brings
 * traffic in goes first, so nothing calls a function or fills a queue that is already going, and
 * the tables, which hold the data, go last. Each phase starts only once the backend has finished
 * deleting every object of the phases before it. Decided here once for the {@link ResourceType}s
 * every backend makes; a backend places the kinds only it has with {@link Dialect#deletionPhase}.
 */
public enum DeletionPhase {
  /**
   * The API's stage and deployment, the stream's event source mapping, topic subscriptions, the
   * check's schedule.
   */
  TRAFFIC("what brings traffic in"),
  /** The functions with their aliases and grants, and the API routes that call them. */
  FUNCTIONS("the functions and the API"),
  /** Queues, topics, alarms, the dashboard, log groups and roles. */
  SUPPORT("queues, topics, alarms, the dashboard, log groups and roles"),
  /** The tables: under deletionPolicy Retain their objects go and the AWS tables stay. */
  DATA("the tables");

  private final String what;

  DeletionPhase(String what) {
    this.what = what;
  }

  /** The phase in words, as the Deleting message names it. */
  public String what() {
    return what;
  }

  /** The phase of a resource every backend makes. */
  public static DeletionPhase of(ResourceType type) {
    return switch (type) {
      case STAGE, DEPLOYMENT, EVENT_SOURCE_MAPPING, SUBSCRIPTION, SCHEDULE_RULE -> TRAFFIC;
      case FUNCTION, ALIAS, REST_API, API_RESOURCE, METHOD, INTEGRATION -> FUNCTIONS;
      case QUEUE, TOPIC, METRIC_ALARM, DASHBOARD, LOG_GROUP, ROLE -> SUPPORT;
      case TABLE -> DATA;
    };
  }

  /**
   * The phase of one of a backend's kinds: that of its {@link ResourceType} if it is one every
   * backend makes, else where its dialect places it.
   */
  public static DeletionPhase of(ManagedKind kind, Dialect dialect) {
    for (ResourceType type : ResourceType.values()) {
      if (kind.equals(dialect.kind(type))) {
        return of(type);
      }
    }
    return dialect
        .deletionPhase(kind)
        .orElseThrow(
            () -> new IllegalStateException(kind.kind() + " has no deletion phase in its dialect"));
  }
}
