package io.fraudpipeline.operator.ack;

import static io.fraudpipeline.operator.ack.AckKinds.METRIC_ALARM;
import static io.fraudpipeline.operator.ack.AckKinds.TOPIC;

import io.fraudpipeline.operator.model.AlarmDesign;
import io.fraudpipeline.operator.model.Alarms;
import io.fraudpipeline.operator.model.StackComponents;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The alarms as ACK MetricAlarms (metric math), notifying the alarm topic's copied ARN. */
final class AckAlarms {

  private AckAlarms() {}

  static void add(AckContext ctx) {
    for (AlarmDesign alarm :
        Alarms.of(ctx.names, ctx.spec.getAlarms(), ctx.spec.getApi().getStageName())) {
      AckNeeds needs = ctx.needs();
      String topicArn = needs.status(TOPIC, ctx.name(StackComponents.ALARM_TOPIC), AckStatus.ARN);
      List<String> actions = topicArn == null ? null : List.of(topicArn);
      ctx.emit(
          ctx.object(METRIC_ALARM, StackComponents.alarm(alarm.name(), ctx.names.suffix()))
              .set("name", alarm.name())
              .set("alarmDescription", alarm.description())
              .set("comparisonOperator", alarm.comparisonOperator())
              .set("threshold", alarm.threshold())
              .set("evaluationPeriods", alarm.evaluationPeriods())
              .set("treatMissingData", alarm.treatMissingData())
              .set("metrics", alarm.queries().stream().map(AckAlarms::query).toList())
              .set("alarmActions", actions)
              .set("oKActions", actions),
          needs);
    }
  }

  private static Map<String, Object> query(AlarmDesign.Query q) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", q.id());
    if (q.metric() != null) {
      Map<String, Object> metric = new LinkedHashMap<>();
      metric.put("namespace", q.metric().namespace());
      metric.put("metricName", q.metric().name());
      metric.put(
          "dimensions",
          q.metric().dimensions().entrySet().stream()
              .map(e -> (Object) TagShape.pair("name", e.getKey(), "value", e.getValue()))
              .toList());
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
