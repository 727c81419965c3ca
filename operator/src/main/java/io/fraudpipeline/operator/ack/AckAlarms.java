package io.fraudpipeline.operator.ack;

import io.fraudpipeline.operator.model.AlarmDesign;
import io.fraudpipeline.operator.stack.AlarmObjects;
import io.fraudpipeline.operator.stack.ObjectBuilder;
import io.fraudpipeline.operator.stack.StackBuild;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alarms as ACK MetricAlarms: named in spec, queries in {@code metrics} as {@code metricStat}
 * with dimensions as a list, and OK actions spelled {@code oKActions}, as the controller does.
 */
final class AckAlarms {

  private AckAlarms() {}

  static void add(StackBuild build) {
    AlarmObjects.add(build, AckAlarms::map);
  }

  private static void map(ObjectBuilder alarm, AlarmDesign design, List<String> actions) {
    AlarmObjects.common(alarm.set("name", design.name()), design)
        .set("metrics", design.queries().stream().map(AckAlarms::query).toList())
        .set("alarmActions", actions)
        .set("oKActions", actions);
  }

  private static Map<String, Object> query(AlarmDesign.Query q) {
    return AlarmObjects.query(
        q,
        "metricStat",
        m -> {
          Map<String, Object> stat = new LinkedHashMap<>();
          stat.put(
              "metric",
              AlarmObjects.metric(m, TagShape.LIST.render(m.dimensions(), "name", "value")));
          stat.put("period", m.period());
          stat.put("stat", m.stat());
          return stat;
        });
  }
}
