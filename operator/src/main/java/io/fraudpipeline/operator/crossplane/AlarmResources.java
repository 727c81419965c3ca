package io.fraudpipeline.operator.crossplane;

import io.fraudpipeline.operator.model.AlarmDesign;
import io.fraudpipeline.operator.stack.AlarmObjects;
import io.fraudpipeline.operator.stack.ObjectBuilder;
import io.fraudpipeline.operator.stack.StackBuild;
import java.util.List;
import java.util.Map;

/**
 * The alarms as MetricAlarm MRs: named by their external name, queries in {@code metricQuery} with
 * the period and statistic beside the metric.
 */
final class AlarmResources {

  private AlarmResources() {}

  static void add(StackBuild build) {
    AlarmObjects.add(build, AlarmResources::map);
  }

  private static void map(ObjectBuilder mr, AlarmDesign alarm, List<String> actions) {
    AlarmObjects.common(mr.annotate(CrossplaneDialect.EXTERNAL_NAME, alarm.name()), alarm)
        .set("metricQuery", alarm.queries().stream().map(AlarmResources::query).toList())
        .set("alarmActions", actions)
        .set("okActions", actions);
  }

  private static Map<String, Object> query(AlarmDesign.Query q) {
    return AlarmObjects.query(
        q,
        "metric",
        m -> {
          Map<String, Object> metric = AlarmObjects.metric(m, m.dimensions());
          metric.put("period", m.period());
          metric.put("stat", m.stat());
          return metric;
        });
  }
}
