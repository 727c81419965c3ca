package io.fraudpipeline.operator.crossplane;

import io.fraudpipeline.operator.model.StackComponents;
import io.fraudpipeline.operator.stack.ApiAccess;
import io.fraudpipeline.operator.stack.Needs;
import io.fraudpipeline.operator.stack.Output;
import io.fraudpipeline.operator.stack.ResourceType;
import io.fraudpipeline.operator.stack.StackBuild;

/** The provider reports the API's execution ARN. */
enum CrossplaneApiAccess implements ApiAccess {
  INSTANCE;

  @Override
  public String executionArn(StackBuild build, Needs needs) {
    return needs.output(ResourceType.REST_API, StackComponents.REST_API, Output.EXECUTION_ARN);
  }
}
