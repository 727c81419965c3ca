package io.fraudpipeline.operator.stack;

import io.fraudpipeline.operator.model.CheckDesign;
import io.fraudpipeline.operator.model.FunctionRole;
import io.fraudpipeline.operator.model.StackComponents;

/**
 * The EventBridge rule that runs the pipeline's check, for every backend: with the check turned off
 * it is not built (and the reconciler deletes what is left of it). The dialect names the rule, adds
 * its target (a kind of its own with Crossplane, inline with ACK) and the grant that lets
 * EventBridge invoke the check.
 */
public final class CheckSchedule {

  private CheckSchedule() {}

  /** The design, or null when the pipeline runs no check. */
  public static CheckDesign design(StackBuild build) {
    return CheckDesign.runs(build.spec) ? CheckDesign.of(build.spec.getCheck(), build.names) : null;
  }

  /** The rule with what both backends spell as EventBridge's PutRule does. */
  public static ObjectBuilder rule(StackBuild build, CheckDesign design) {
    return build
        .object(ResourceType.SCHEDULE_RULE, StackComponents.CHECK_SCHEDULE)
        .set("description", design.description())
        .set("scheduleExpression", design.scheduleExpression());
  }

  /** The rule's ARN, which the grant to invoke the check names; null, and recorded, until known. */
  public static String ruleArn(Needs needs) {
    return needs.output(ResourceType.SCHEDULE_RULE, StackComponents.CHECK_SCHEDULE, Output.ARN);
  }

  /** The check function's ARN, the rule's target; null, and recorded, until known. */
  public static String functionArn(Needs needs) {
    return needs.output(
        ResourceType.FUNCTION, StackComponents.function(FunctionRole.CHECK), Output.ARN);
  }
}
