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
    return render(tags, "key", "value");
  }

  /** With LIST, each entry as {@code {<keyField>: k, <valueField>: v}}, in this order. */
  Object render(Map<String, String> entries, String keyField, String valueField) {
    return switch (this) {
      case LIST ->
          entries.entrySet().stream()
              .map(
                  e -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put(keyField, e.getKey());
                    entry.put(valueField, e.getValue());
                    return (Object) entry;
                  })
              .toList();
      case MAP -> entries;
      case NONE -> null;
    };
  }
}
