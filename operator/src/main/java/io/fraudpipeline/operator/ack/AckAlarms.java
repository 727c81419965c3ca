package io.fraudpipeline.operator.ack;

import io.fraudpipeline.operator.model.AlarmDesign;
import io.fraudpipeline.operator.stack.AlarmObjects;
import io.fraudpipeline.operator.stack.ObjectBuilder;
import io.fraudpipeline.operator.stack.StackBuild;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The alarms as ACK MetricAlarms: metric math in the controller's {@code metrics} shape. */
final class AckAlarms {

  private AckAlarms() {}

  static void add(StackBuild build) {
    AlarmObjects.add(build, AckAlarms::map);
  }

  private static void map(ObjectBuilder alarm, AlarmDesign design, List<String> actions) {
    alarm
        .set("name", design.name())
        .set("alarmDescription", design.description())
        .set("comparisonOperator", design.comparisonOperator())
        .set("threshold", design.threshold())
        .set("evaluationPeriods", design.evaluationPeriods())
        .set("treatMissingData", design.treatMissingData())
        .set("metrics", design.queries().stream().map(AckAlarms::query).toList())
        .set("alarmActions", actions)
        .set("oKActions", actions);
  }

  private static Map<String, Object> query(AlarmDesign.Query q) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", q.id());
    if (q.metric() != null) {
      Map<String, Object> metric = new LinkedHashMap<>();
      metric.put("namespace", q.metric().namespace());
      metric.put("metricName", q.metric().name());
      metric.put("dimensions", TagShape.LIST.render(q.metric().dimensions(), "name", "value"));
      Map<String, Object> stat = new LinkedHashMap<>();
      stat.put("metric", metric);
      stat.put("period", q.metric().period());
      stat.put("stat", q.metric().stat());
      out.put("metricStat", stat);
    } else {
      out.put("expression", q.expression());
      out.put("label", q.label());
    }
    out.put("returnData", q.returnData());
    return out;
  }
}
