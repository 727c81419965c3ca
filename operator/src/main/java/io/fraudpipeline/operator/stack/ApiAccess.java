package io.fraudpipeline.operator.stack;

/**
 * What a backend says of the pipeline's API for a client of it, the check: each lookup records in
 * {@code needs} what it waits for and returns null until it is known.
 */
public interface ApiAccess {

  /** The API's {@code execute-api} ARN prefix, {@code arn:<p>:execute-api:<region>:<acct>:<id>}. */
  String executionArn(StackBuild build, Needs needs);
}
