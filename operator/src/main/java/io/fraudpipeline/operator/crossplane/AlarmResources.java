package io.fraudpipeline.operator.crossplane;

import io.fraudpipeline.operator.model.AlarmDesign;
import io.fraudpipeline.operator.stack.AlarmObjects;
import io.fraudpipeline.operator.stack.ObjectBuilder;
import io.fraudpipeline.operator.stack.StackBuild;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The alarms as MetricAlarm MRs: metric queries in the provider's {@code metricQuery} shape. */
final class AlarmResources {

  private AlarmResources() {}

  static void add(StackBuild build) {
    AlarmObjects.add(build, AlarmResources::map);
  }

  private static void map(ObjectBuilder mr, AlarmDesign alarm, List<String> actions) {
    mr.annotate(CrossplaneDialect.EXTERNAL_NAME, alarm.name())
        .set("alarmDescription", alarm.description())
        .set("comparisonOperator", alarm.comparisonOperator())
        .set("threshold", alarm.threshold())
        .set("evaluationPeriods", alarm.evaluationPeriods())
        .set("treatMissingData", alarm.treatMissingData())
        .set("metricQuery", alarm.queries().stream().map(AlarmResources::query).toList())
        .set("alarmActions", actions)
        .set("okActions", actions);
  }

  private static Map<String, Object> query(AlarmDesign.Query q) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", q.id());
    if (q.metric() != null) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("namespace", q.metric().namespace());
      m.put("metricName", q.metric().name());
      m.put("dimensions", q.metric().dimensions());
      m.put("period", q.metric().period());
      m.put("stat", q.metric().stat());
      out.put("metric", m);
    } else {
      out.put("expression", q.expression());
      out.put("label", q.label());
    }
    out.put("returnData", q.returnData());
    return out;
  }
}
