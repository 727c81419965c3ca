package io.fraudpipeline.operator.stack;

import io.fraudpipeline.operator.model.FunctionRole;
import io.fraudpipeline.operator.model.IamPolicies;
import io.fraudpipeline.operator.model.StackComponents;
import java.util.function.Supplier;

/**
 * The least-privilege inline policy of each function's role, for every backend: it names the ARNs
 * of what the function may touch, so it waits until each is reported. Null while one is missing.
 */
public final class FunctionGrants {

  private FunctionGrants() {}

  /**
   * @param scorerInvokeArn what the processor invokes of the scorer, as the backend wires it (its
   *     alias or the function); asked after the tables, so the pending list reads in stack order
   */
  public static String processor(Needs needs, Supplier<String> scorerInvokeArn) {
    var grants =
        new IamPolicies.ProcessorGrants(
            needs.output(ResourceType.TABLE, StackComponents.TRANSACTIONS_TABLE, Output.ARN),
            needs.output(ResourceType.TABLE, StackComponents.TRANSACTIONS_TABLE, Output.STREAM_ARN),
            needs.output(ResourceType.TABLE, StackComponents.FRAUD_SCORES_TABLE, Output.ARN),
            scorerInvokeArn.get(),
            needs.output(ResourceType.QUEUE, deadLetterQueue(FunctionRole.PROCESSOR), Output.ARN));
    return needs.met() ? IamPolicies.processor(grants) : null;
  }

  public static String scorer(Needs needs) {
    var grants =
        new IamPolicies.ScorerGrants(
            needs.output(ResourceType.TABLE, StackComponents.FRAUD_SCORES_TABLE, Output.ARN),
            needs.output(ResourceType.TOPIC, StackComponents.ALERT_TOPIC, Output.ARN),
            needs.output(ResourceType.QUEUE, deadLetterQueue(FunctionRole.SCORER), Output.ARN));
    return needs.met() ? IamPolicies.scorer(grants) : null;
  }

  /**
   * The check calls the API's two methods of its stage, signed with IAM: it runs only with AWS_IAM
   * authorization ({@link io.fraudpipeline.operator.model.CheckDesign#runs}).
   */
  public static String check(StackBuild build, Needs needs, ApiAccess api) {
    String executionArn = api.executionArn(build, needs);
    if (!needs.met()) {
      return null;
    }
    return IamPolicies.check(
        new IamPolicies.CheckGrants(executionArn, build.spec.getApi().getStageName()));
  }

  public static String of(
      StackBuild build,
      FunctionRole f,
      Needs needs,
      Supplier<String> scorerInvokeArn,
      ApiAccess api) {
    return switch (f) {
      case PROCESSOR -> processor(needs, scorerInvokeArn);
      case SCORER -> scorer(needs);
      case CHECK -> check(build, needs, api);
    };
  }

  private static String deadLetterQueue(FunctionRole f) {
    return StackComponents.deadLetterQueue(f);
  }
}
