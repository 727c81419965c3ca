package io.fraudpipeline.operator.crossplane;

import io.fraudpipeline.api.v1alpha1.Authorization;
import io.fraudpipeline.operator.model.StackComponents;
import io.fraudpipeline.operator.stack.ApiAccess;
import io.fraudpipeline.operator.stack.Needs;
import io.fraudpipeline.operator.stack.Output;
import io.fraudpipeline.operator.stack.ResourceType;
import io.fraudpipeline.operator.stack.StackBuild;

/** The provider reports the API's execution ARN, and the key's id on its APIKey MR. */
enum CrossplaneApiAccess implements ApiAccess {
  INSTANCE;

  @Override
  public String executionArn(StackBuild build, Needs needs) {
    return needs.output(ResourceType.REST_API, StackComponents.REST_API, Output.EXECUTION_ARN);
  }

  @Override
  public String apiKeyId(StackBuild build, Needs needs) {
    if (build.spec.getApi().getAuthorization() != Authorization.API_KEY) {
      return null;
    }
    return needs.output(
        CrossplaneKinds.API_KEY, build.name(ApiResources.API_KEY_COMPONENT), Output.ID);
  }
}
