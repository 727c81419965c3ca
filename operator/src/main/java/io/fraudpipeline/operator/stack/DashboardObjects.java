package io.fraudpipeline.operator.stack;

import io.fraudpipeline.operator.model.AlarmDesign;
import io.fraudpipeline.operator.model.Alarms;
import io.fraudpipeline.operator.model.DashboardDesign;
import io.fraudpipeline.operator.model.StackComponents;
import java.util.ArrayList;
import java.util.List;

/**
 * The pipeline's dashboard, for every backend: its alarm widget names every alarm of the stack by
 * ARN, so the dashboard waits until each is reported; the dialect names it and sets its body.
 */
public final class DashboardObjects {

  /** How a backend spells a dashboard, and where it learns an alarm's ARN. */
  public interface Shape {

    /** Names the dashboard and sets its body (null while it waits). */
    void map(ObjectBuilder dashboard, String awsName, String body);

    /** An alarm's ARN, by its object's component and AWS name; null, and recorded, until known. */
    String alarmArn(StackBuild build, Needs needs, String component, String awsName);
  }

  private DashboardObjects() {}

  public static void add(StackBuild build, Shape shape) {
    String pipeline = build.names.metricsPipeline();
    DashboardDesign design = DashboardDesign.of(pipeline, build.names, build.spec);
    Needs needs = build.needs();
    List<String> alarmArns = new ArrayList<>();
    for (AlarmDesign alarm : Alarms.of(pipeline, build.names, build.spec)) {
      alarmArns.add(
          shape.alarmArn(
              build,
              needs,
              StackComponents.alarm(alarm.name(), build.names.suffix()),
              alarm.name()));
    }
    ObjectBuilder dashboard = build.object(ResourceType.DASHBOARD, StackComponents.DASHBOARD);
    shape.map(
        dashboard,
        design.name(),
        needs.met()
            ? design.body(
                build.spec.getRegion(), build.spec.getAlarms().getPeriodSeconds(), alarmArns)
            : null);
    build.emit(dashboard, needs);
  }

  /** The dashboard's console URL, once the backend reports it made. */
  public static String url(StackBuild build) {
    return build.isReady(ResourceType.DASHBOARD, StackComponents.DASHBOARD)
        ? DashboardDesign.consoleUrl(build.spec.getRegion(), build.names.dashboard())
        : null;
  }
}
