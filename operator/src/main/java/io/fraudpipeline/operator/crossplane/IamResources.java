package io.fraudpipeline.operator.crossplane;

import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.ROLE_POLICY;
import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.ROLE_POLICY_ATTACHMENT;

import io.fraudpipeline.operator.model.AwsPartition;
import io.fraudpipeline.operator.model.FunctionRole;
import io.fraudpipeline.operator.model.IamPolicies;
import io.fraudpipeline.operator.model.StackComponents;
import io.fraudpipeline.operator.stack.FunctionGrants;
import io.fraudpipeline.operator.stack.Needs;
import io.fraudpipeline.operator.stack.ResourceType;
import io.fraudpipeline.operator.stack.StackBuild;

/**
 * Exactly one role per function (the check's too, while it runs), with the two AWS-managed policies
 * attached and its least-privilege inline policy, each an MR of its own.
 */
final class IamResources {

  private IamResources() {}

  static void roles(StackBuild build) {
    for (FunctionRole f : FunctionRole.deployed(build.spec)) {
      build.emit(
          build
              .object(ResourceType.ROLE, StackComponents.role(f))
              .annotate(CrossplaneDialect.EXTERNAL_NAME, build.names.role(f))
              .set("assumeRolePolicy", IamPolicies.assumeRoleByLambda()));
      // tracing is on by default, and a function cannot send traces without the second
      for (String policy : IamPolicies.MANAGED) {
        build.emit(
            build
                .object(ROLE_POLICY_ATTACHMENT, attachment(f, policy))
                .ref("roleRef", build.name(StackComponents.role(f)))
                .set("policyArn", AwsPartition.managedPolicyArn(build.spec.getRegion(), policy)));
      }
    }
  }

  /** The attachment of an AWS-managed policy to a function's role. */
  private static String attachment(FunctionRole f, String policyPath) {
    return f.shortName()
        + (policyPath.equals(IamPolicies.BASIC_EXECUTION) ? "-basic-execution" : "-xray");
  }

  /** The inline policies name ARNs, so each waits until the resources it grants on exist. */
  static void policies(StackBuild build) {
    for (FunctionRole f : FunctionRole.deployed(build.spec)) {
      Needs needs = build.needs();
      String document =
          FunctionGrants.of(
              build,
              f,
              needs,
              () -> FunctionResources.invokedArn(build, needs, FunctionRole.SCORER),
              CrossplaneApiAccess.INSTANCE);
      build.emit(
          build
              .object(ROLE_POLICY, f.shortName() + "-policy")
              .annotate(CrossplaneDialect.EXTERNAL_NAME, build.names.rolePolicy(f))
              .ref("roleRef", build.name(StackComponents.role(f)))
              .set("policy", document),
          needs);
    }
  }
}
