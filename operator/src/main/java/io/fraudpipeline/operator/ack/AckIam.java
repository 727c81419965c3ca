package io.fraudpipeline.operator.ack;

import static io.fraudpipeline.operator.ack.AckKinds.FUNCTION;
import static io.fraudpipeline.operator.ack.AckKinds.QUEUE;
import static io.fraudpipeline.operator.ack.AckKinds.ROLE;
import static io.fraudpipeline.operator.ack.AckKinds.TABLE;
import static io.fraudpipeline.operator.ack.AckKinds.TOPIC;

import io.fraudpipeline.operator.model.AwsPartition;
import io.fraudpipeline.operator.model.FunctionAliases;
import io.fraudpipeline.operator.model.FunctionRole;
import io.fraudpipeline.operator.model.IamPolicies;
import io.fraudpipeline.operator.model.StackComponents;
import java.util.List;
import java.util.Map;

/**
 * One role per function: trusted by Lambda, with the two AWS-managed policies attached and the
 * least-privilege inline policy once the ARNs it names are known. The role is emitted at once (the
 * functions reference it); its inline policy is added when the resources exist.
 */
final class AckIam {

  private AckIam() {}

  static void roles(AckContext ctx) {
    String region = ctx.spec.getRegion();
    List<String> managed =
        List.of(
            AwsPartition.managedPolicyArn(region, IamPolicies.BASIC_EXECUTION),
            AwsPartition.managedPolicyArn(region, IamPolicies.XRAY_WRITE));
    for (FunctionRole f : FunctionRole.values()) {
      AckNeeds needs = ctx.needs();
      String document = f == FunctionRole.PROCESSOR ? processor(ctx, needs) : scorer(ctx, needs);
      ctx.emit(
          ctx.object(ROLE, StackComponents.role(f))
              .set("name", ctx.names.role(f))
              .set("assumeRolePolicyDocument", IamPolicies.assumeRoleByLambda())
              .set("policies", managed)
              .set(
                  "inlinePolicies",
                  needs.met() ? Map.of(ctx.names.rolePolicy(f), document) : null));
    }
  }

  private static String processor(AckContext ctx, AckNeeds n) {
    String transactions = ctx.name(StackComponents.TRANSACTIONS_TABLE);
    String scorer =
        n.status(FUNCTION, ctx.name(StackComponents.function(FunctionRole.SCORER)), AckStatus.ARN);
    var grants =
        new IamPolicies.ProcessorGrants(
            n.status(TABLE, transactions, AckStatus.ARN),
            n.status(TABLE, transactions, AckStatus.LATEST_STREAM_ARN),
            n.status(TABLE, ctx.name(StackComponents.FRAUD_SCORES_TABLE), AckStatus.ARN),
            // the processor invokes the scorer's live alias
            scorer == null ? null : scorer + ":" + FunctionAliases.LIVE,
            n.status(
                QUEUE,
                ctx.name(StackComponents.deadLetterQueue(FunctionRole.PROCESSOR)),
                AckStatus.ARN));
    return n.met() ? IamPolicies.processor(grants) : null;
  }

  private static String scorer(AckContext ctx, AckNeeds n) {
    var grants =
        new IamPolicies.ScorerGrants(
            n.status(TABLE, ctx.name(StackComponents.FRAUD_SCORES_TABLE), AckStatus.ARN),
            n.status(TOPIC, ctx.name(StackComponents.ALERT_TOPIC), AckStatus.ARN),
            n.status(
                QUEUE,
                ctx.name(StackComponents.deadLetterQueue(FunctionRole.SCORER)),
                AckStatus.ARN));
    return n.met() ? IamPolicies.scorer(grants) : null;
  }
}
