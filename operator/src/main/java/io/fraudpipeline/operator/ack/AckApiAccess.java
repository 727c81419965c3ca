package io.fraudpipeline.operator.ack;

import io.fraudpipeline.operator.model.AwsPartition;
import io.fraudpipeline.operator.model.StackComponents;
import io.fraudpipeline.operator.stack.ApiAccess;
import io.fraudpipeline.operator.stack.Needs;
import io.fraudpipeline.operator.stack.Output;
import io.fraudpipeline.operator.stack.ResourceType;
import io.fraudpipeline.operator.stack.StackBuild;

/** ACK reports no execution ARN: it is made of the API's id and the account that holds it. */
enum AckApiAccess implements ApiAccess {
  INSTANCE;

  @Override
  public String executionArn(StackBuild build, Needs needs) {
    String id = needs.output(ResourceType.REST_API, StackComponents.REST_API, Output.ID);
    String account = needs.output(ResourceType.REST_API, StackComponents.REST_API, Output.ACCOUNT);
    return id == null || account == null ? null : executionArn(build, account, id);
  }

  /** {@code arn:<partition>:execute-api:<region>:<account>:<restApiId>}. */
  static String executionArn(StackBuild build, String account, String restApiId) {
    return AwsPartition.arn("execute-api", build.spec.getRegion(), account, restApiId);
  }
}
