package io.fraudpipeline.operator.crossplane;

import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.QUEUE;
import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.ROLE;
import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.ROLE_POLICY;
import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.ROLE_POLICY_ATTACHMENT;
import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.TABLE;
import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.TOPIC;

import io.fraudpipeline.operator.model.AwsPartition;
import io.fraudpipeline.operator.model.FunctionRole;
import io.fraudpipeline.operator.model.IamPolicies;
import io.fraudpipeline.operator.model.StackComponents;

/** Exactly one role per function, its least-privilege inline policy and two AWS-managed ones. */
final class IamResources {

  private IamResources() {}

  static void roles(StackContext ctx) {
    for (FunctionRole f : FunctionRole.values()) {
      ctx.emit(
          ctx.mr(ROLE, StackComponents.role(f))
              .externalName(ctx.names.role(f))
              .set("assumeRolePolicy", IamPolicies.assumeRoleByLambda()));
      ctx.emit(attachment(ctx, f, Components.basicExecution(f), IamPolicies.BASIC_EXECUTION));
      // tracing is on by default, and a function cannot send traces without this permission
      ctx.emit(attachment(ctx, f, Components.xrayWrite(f), IamPolicies.XRAY_WRITE));
    }
  }

  private static MrBuilder attachment(
      StackContext ctx, FunctionRole f, String component, String policyPath) {
    return ctx.mr(ROLE_POLICY_ATTACHMENT, component)
        .ref("roleRef", ctx.mrName(StackComponents.role(f)))
        .set("policyArn", AwsPartition.managedPolicyArn(ctx.spec.getRegion(), policyPath));
  }

  /** The inline policies name ARNs, so each waits until the resources it grants on exist. */
  static void policies(StackContext ctx) {
    Needs p = ctx.needs();
    String transactions = ctx.mrName(StackComponents.TRANSACTIONS_TABLE);
    String scores = ctx.mrName(StackComponents.FRAUD_SCORES_TABLE);
    var grants =
        new IamPolicies.ProcessorGrants(
            p.atProvider(TABLE, transactions, StatusFields.ARN),
            p.atProvider(TABLE, transactions, StatusFields.STREAM_ARN),
            p.atProvider(TABLE, scores, StatusFields.ARN),
            FunctionResources.invokedArn(ctx, p, FunctionRole.SCORER),
            p.atProvider(
                QUEUE,
                ctx.mrName(StackComponents.deadLetterQueue(FunctionRole.PROCESSOR)),
                StatusFields.ARN));
    ctx.emit(
        rolePolicy(ctx, FunctionRole.PROCESSOR, p.met() ? IamPolicies.processor(grants) : null), p);

    Needs s = ctx.needs();
    var scorerGrants =
        new IamPolicies.ScorerGrants(
            s.atProvider(TABLE, scores, StatusFields.ARN),
            s.atProvider(TOPIC, ctx.mrName(StackComponents.ALERT_TOPIC), StatusFields.ARN),
            s.atProvider(
                QUEUE,
                ctx.mrName(StackComponents.deadLetterQueue(FunctionRole.SCORER)),
                StatusFields.ARN));
    ctx.emit(
        rolePolicy(ctx, FunctionRole.SCORER, s.met() ? IamPolicies.scorer(scorerGrants) : null), s);
  }

  private static MrBuilder rolePolicy(StackContext ctx, FunctionRole f, String document) {
    return ctx.mr(ROLE_POLICY, Components.rolePolicy(f))
        .externalName(ctx.names.rolePolicy(f))
        .ref("roleRef", ctx.mrName(StackComponents.role(f)))
        .set("policy", document);
  }
}
