package io.fraudpipeline.operator.stack;

/**
 * A value AWS assigns to an object and its controller reports in status, which another object of
 * the stack needs: the model asks for it by this name, and each {@link Dialect} says where its
 * controller writes it.
 */
public enum Output {
  ARN,
  ID,
  /** A table's stream. */
  STREAM_ARN,
  /** A REST API's root resource. */
  ROOT_RESOURCE_ID,
  /** What API Gateway invokes for a function or alias. */
  INVOKE_ARN,
  /** A REST API's prefix for {@code execute-api} ARNs. */
  EXECUTION_ARN,
  /** A stage's base URL. */
  INVOKE_URL,
  /** A function's latest published version. */
  VERSION,
  /** The version an alias serves. */
  FUNCTION_VERSION,
  /** The AWS account that holds the object. */
  ACCOUNT,
  /** An event source mapping's identifier. */
  UUID,
  /** A queue's URL, which SQS clients address it by. */
  URL
}
