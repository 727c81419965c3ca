package io.fraudpipeline.operator.stack;

import io.fraudpipeline.operator.model.AlarmDesign;
import io.fraudpipeline.operator.model.Alarms;
import io.fraudpipeline.operator.model.StackComponents;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The alarms of {@link Alarms}, each notifying the alarm topic when it fires and when it recovers,
 * for every backend: each alarm waits for the topic's ARN, and what both spell as CloudWatch's
 * PutMetricAlarm does is set here; the dialect adds its name, its queries' field and its OK
 * actions' field.
 */
public final class AlarmObjects {

  /** How a backend spells what is its own in one alarm. */
  @FunctionalInterface
  public interface Shape {
    /**
     * @param actions the alarm topic's ARN, to notify on ALARM and OK
     */
    void map(ObjectBuilder alarm, AlarmDesign design, List<String> actions);
  }

  private AlarmObjects() {}

  public static void add(StackBuild build, Shape shape) {
    for (AlarmDesign design : Alarms.of(build.names.metricsPipeline(), build.names, build.spec)) {
      Needs needs = build.needs();
      String topicArn = needs.output(ResourceType.TOPIC, StackComponents.ALARM_TOPIC, Output.ARN);
      List<String> actions = topicArn == null ? null : List.of(topicArn);
      ObjectBuilder alarm =
          build.object(
              ResourceType.METRIC_ALARM,
              StackComponents.alarm(design.name(), build.names.suffix()));
      shape.map(alarm, design, actions);
      build.emit(alarm, needs);
    }
  }

  /** The fields both backends name as CloudWatch does, after the alarm's name. */
  public static ObjectBuilder common(ObjectBuilder alarm, AlarmDesign design) {
    return alarm
        .set("alarmDescription", design.description())
        .set("comparisonOperator", design.comparisonOperator())
        .set("threshold", design.threshold())
        .set("evaluationPeriods", design.evaluationPeriods())
        .set("treatMissingData", design.treatMissingData());
  }

  /**
   * One metric query: its id, then a metric (in the shape {@code metric} gives, under {@code
   * metricField}) or an expression and its label, and whether it is the alarm's series.
   */
  public static Map<String, Object> query(
      AlarmDesign.Query q, String metricField, Function<AlarmDesign.Metric, Object> metric) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", q.id());
    if (q.metric() != null) {
      out.put(metricField, metric.apply(q.metric()));
    } else {
      out.put("expression", q.expression());
      out.put("label", q.label());
    }
    out.put("returnData", q.returnData());
    return out;
  }

  /** A metric's namespace, name and dimensions (in the backend's shape). */
  public static Map<String, Object> metric(AlarmDesign.Metric m, Object dimensions) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("namespace", m.namespace());
    out.put("metricName", m.name());
    out.put("dimensions", dimensions);
    return out;
  }
}
