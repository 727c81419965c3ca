package io.fraudpipeline.operator.ack;

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
          tags.entrySet().stream()
              .map(e -> (Object) Map.of("key", e.getKey(), "value", e.getValue()))
              .toList();
      case MAP -> tags;
      case NONE -> null;
    };
  }
}
