package io.fraudpipeline.operator.stack;

import io.fraudpipeline.operator.model.AlarmDesign;
import io.fraudpipeline.operator.model.Alarms;
import io.fraudpipeline.operator.model.StackComponents;
import java.util.List;

/**
 * The alarms of {@link Alarms}, each notifying the alarm topic when it fires and when it recovers,
 * for every backend: each alarm waits for the topic's ARN; the dialect maps the design's shape.
 */
public final class AlarmObjects {

  /** How a backend spells one alarm. */
  @FunctionalInterface
  public interface Shape {
    /**
     * @param actions the alarm topic's ARN, to notify on ALARM and OK
     */
    void map(ObjectBuilder alarm, AlarmDesign design, List<String> actions);
  }

  private AlarmObjects() {}

  public static void add(StackBuild build, Shape shape) {
    for (AlarmDesign design :
        Alarms.of(build.names, build.spec.getAlarms(), build.spec.getApi().getStageName())) {
      Needs needs = build.needs();
      String topicArn = needs.output(ResourceType.TOPIC, StackComponents.ALARM_TOPIC, Output.ARN);
      ObjectBuilder alarm =
          build.object(
              ResourceType.METRIC_ALARM,
              StackComponents.alarm(design.name(), build.names.suffix()));
      shape.map(alarm, design, topicArn == null ? null : List.of(topicArn));
      build.emit(alarm, needs);
    }
  }
}
