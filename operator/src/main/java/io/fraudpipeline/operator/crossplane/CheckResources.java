package io.fraudpipeline.operator.crossplane;

import io.fraudpipeline.operator.model.CheckDesign;
import io.fraudpipeline.operator.model.FunctionRole;
import io.fraudpipeline.operator.model.StackComponents;
import io.fraudpipeline.operator.stack.CheckSchedule;
import io.fraudpipeline.operator.stack.DashboardObjects;
import io.fraudpipeline.operator.stack.Needs;
import io.fraudpipeline.operator.stack.ObjectBuilder;
import io.fraudpipeline.operator.stack.Output;
import io.fraudpipeline.operator.stack.ResourceType;
import io.fraudpipeline.operator.stack.StackBuild;

/**
 * The check's schedule as an EventBridge Rule, its Target (the check function) and the Permission
 * that lets EventBridge invoke the function for that rule only (decision 0011: a rule rather than
 * an EventBridge Scheduler schedule); and the dashboard.
 */
final class CheckResources {

  static final String TARGET_COMPONENT = "check-target";
  static final String INVOKE_PERMISSION_COMPONENT = "check-invoke";

  private CheckResources() {}

  static void schedule(StackBuild build) {
    CheckDesign design = CheckSchedule.design(build);
    if (design == null) {
      return;
    }
    build.emit(
        CheckSchedule.rule(build, design)
            .annotate(CrossplaneDialect.EXTERNAL_NAME, design.ruleName()));

    Needs target = build.needs();
    // the Target kind has no reference to a function: it waits for the function's ARN
    String functionArn = CheckSchedule.functionArn(target);
    build.emit(
        build
            .object(CrossplaneKinds.SCHEDULE_TARGET, TARGET_COMPONENT)
            .ref("ruleRef", build.name(StackComponents.CHECK_SCHEDULE))
            .set("targetId", CheckDesign.TARGET_ID)
            .set("arn", functionArn),
        target);

    Needs grant = build.needs();
    String ruleArn = CheckSchedule.ruleArn(grant);
    build.emit(
        build
            .object(CrossplaneKinds.PERMISSION, INVOKE_PERMISSION_COMPONENT)
            .ref("functionNameRef", build.name(StackComponents.function(FunctionRole.CHECK)))
            .set("statementId", CheckDesign.INVOKE_STATEMENT_ID)
            .set("action", "lambda:InvokeFunction")
            .set("principal", CheckDesign.INVOKE_PRINCIPAL)
            .set("sourceArn", ruleArn),
        grant);
  }

  static void dashboard(StackBuild build) {
    DashboardObjects.add(
        build,
        new DashboardObjects.Shape() {
          @Override
          public void map(ObjectBuilder dashboard, String awsName, String body) {
            dashboard.annotate(CrossplaneDialect.EXTERNAL_NAME, awsName).set("dashboardBody", body);
          }

          @Override
          public String alarmArn(StackBuild build, Needs needs, String component, String awsName) {
            return needs.output(ResourceType.METRIC_ALARM, component, Output.ARN);
          }
        });
  }
}
