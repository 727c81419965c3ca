package io.fraudpipeline.operator.crossplane;

import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.METRIC_ALARM;
import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.TOPIC;

import io.fraudpipeline.operator.model.AlarmDesign;
import io.fraudpipeline.operator.model.Alarms;
import io.fraudpipeline.operator.model.StackComponents;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The alarms, each notifying the alarm topic when it fires and when it recovers. */
final class AlarmResources {

  private AlarmResources() {}

  static void add(StackContext ctx) {
    for (AlarmDesign alarm :
        Alarms.of(ctx.names, ctx.spec.getAlarms(), ctx.spec.getApi().getStageName())) {
      Needs needs = ctx.needs();
      String topicArn =
          needs.atProvider(TOPIC, ctx.mrName(StackComponents.ALARM_TOPIC), StatusFields.ARN);
      List<String> actions = topicArn == null ? null : List.of(topicArn);
      ctx.emit(
          ctx.mr(METRIC_ALARM, StackComponents.alarm(alarm.name(), ctx.names.suffix()))
              .externalName(alarm.name())
              .set("alarmDescription", alarm.description())
              .set("comparisonOperator", alarm.comparisonOperator())
              .set("threshold", alarm.threshold())
              .set("evaluationPeriods", alarm.evaluationPeriods())
              .set("treatMissingData", alarm.treatMissingData())
              .set("metricQuery", alarm.queries().stream().map(AlarmResources::query).toList())
              .set("alarmActions", actions)
              .set("okActions", actions),
          needs);
    }
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
