package io.fraudpipeline.operator.ack;

import java.util.LinkedHashMap;
import java.util.Map;

/** How an ACK kind spells {@code spec.tags}: the controllers differ, and some kinds take none. */
enum TagShape {
  /** {@code [{key, value}]}: Table, Topic, Role, MetricAlarm. */
  LIST,
  /** {@code {key: value}}: Queue, LogGroup, Function, EventSourceMapping, RestAPI, Stage. */
  MAP,
  /** No tags field: Subscription, Alias, Resource, Method, Integration, Deployment. */
  NONE;

  Object render(Map<String, String> tags) {
    return switch (this) {
      case LIST ->
          tags.entrySet().stream().map(e -> (Object) pair("key", e.getKey(), "value", e.getValue())).toList();
      case MAP -> tags;
      case NONE -> null;
    };
  }

  /** A two-field map in the order given: {@code Map.of} would print it in any order. */
  static Map<String, Object> pair(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }
}
