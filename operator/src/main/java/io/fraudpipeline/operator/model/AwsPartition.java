package io.fraudpipeline.operator.model;

/** The ARN partition of a region: aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b. */
public final class AwsPartition {

  private AwsPartition() {}

  public static String of(String region) {
    if (region.startsWith("cn-")) {
      return "aws-cn";
    }
    if (region.startsWith("us-gov-")) {
      return "aws-us-gov";
    }
    if (region.startsWith("us-isob-")) {
      return "aws-iso-b";
    }
    if (region.startsWith("us-iso-")) {
      return "aws-iso";
    }
    return "aws";
  }

  /** ARN of an AWS-managed IAM policy, e.g. {@code service-role/AWSLambdaBasicExecutionRole}. */
  public static String managedPolicyArn(String region, String policyPath) {
    return "arn:" + of(region) + ":iam::aws:policy/" + policyPath;
  }

  /** {@code arn:<partition>:<service>:<region>:<account>:<resource>}. */
  public static String arn(String service, String region, String account, String resource) {
    return "arn:" + of(region) + ":" + service + ":" + region + ":" + account + ":" + resource;
  }
}
