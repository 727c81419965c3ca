package io.fraudpipeline.operator.ack;

import io.fraudpipeline.operator.model.AwsPartition;
import io.fraudpipeline.operator.model.FunctionAliases;
import io.fraudpipeline.operator.model.FunctionRole;
import io.fraudpipeline.operator.model.IamPolicies;
import io.fraudpipeline.operator.model.StackComponents;
import io.fraudpipeline.operator.stack.FunctionGrants;
import io.fraudpipeline.operator.stack.Needs;
import io.fraudpipeline.operator.stack.Output;
import io.fraudpipeline.operator.stack.ResourceType;
import io.fraudpipeline.operator.stack.StackBuild;
import java.util.List;
import java.util.Map;

/**
 * One Role per function, holding what Crossplane spreads over four MRs: trusted by Lambda, the
 * AWS-managed policies attached, and the least-privilege inline policy once the ARNs it names are
 * known. The role is emitted at once (the functions reference it).
 */
final class AckIam {

  private AckIam() {}

  static void roles(StackBuild build) {
    List<String> managed =
        IamPolicies.MANAGED.stream()
            .map(policy -> AwsPartition.managedPolicyArn(build.spec.getRegion(), policy))
            .toList();
    for (FunctionRole f : FunctionRole.deployed(build.spec)) {
      Needs needs = build.needs();
      // the processor invokes the scorer's live alias, named from the function's ARN
      String scorer =
          f == FunctionRole.PROCESSOR
              ? needs.output(
                  ResourceType.FUNCTION, StackComponents.function(FunctionRole.SCORER), Output.ARN)
              : null;
      String document =
          FunctionGrants.of(
              build,
              f,
              needs,
              () -> scorer == null ? null : FunctionAliases.qualified(scorer),
              AckApiAccess.INSTANCE);
      build.emit(
          build
              .object(ResourceType.ROLE, StackComponents.role(f))
              .set("name", build.names.role(f))
              .set("assumeRolePolicyDocument", IamPolicies.assumeRoleByLambda())
              .set("policies", managed)
              .set(
                  "inlinePolicies",
                  needs.met() ? Map.of(build.names.rolePolicy(f), document) : null));
    }
  }
}
