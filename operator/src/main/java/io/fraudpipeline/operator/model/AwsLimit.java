package io.fraudpipeline.operator.model;

import java.util.List;

/**
 * The limits of AWS that a pipeline's stack can reach, each with the page that states it. The spec
 * checks, the CRD's bounds (tested to agree), the docs' table and the generated-spec test all read
 * this table, so a limit is written once.
 */
public enum AwsLimit {
  LAMBDA_ENVIRONMENT(
      "Lambda",
      "environment variables of a function, all together (as JSON)",
      4096,
      "bytes",
      "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html"),
  LAMBDA_FUNCTION_NAME(
      "Lambda",
      "function name",
      64,
      "characters",
      "https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/lambda/aws.sdk.kotlin.services.lambda.model/-invoke-request/function-name.html"),
  TAGS_PER_RESOURCE(
      "DynamoDB, Lambda, SQS, SNS, IAM, CloudWatch, API Gateway",
      "tags on one resource (the operator's Environment tag included)",
      50,
      "tags",
      "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TaggingRestrictions.html"),
  TAG_KEY(
      "DynamoDB, Lambda, SQS, SNS, IAM, CloudWatch, API Gateway",
      "tag key",
      128,
      "characters",
      "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TaggingRestrictions.html"),
  TAG_VALUE(
      "DynamoDB, Lambda, SQS, SNS, IAM, CloudWatch, API Gateway",
      "tag value",
      256,
      "characters",
      "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TaggingRestrictions.html"),
  DYNAMODB_TABLE_NAME(
      "DynamoDB",
      "table name",
      255,
      "characters",
      "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html"),
  SQS_QUEUE_NAME(
      "SQS",
      "queue name",
      80,
      "characters",
      "https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/sqs/aws.sdk.kotlin.services.sqs.model/-create-queue-request/queue-name.html"),
  SNS_TOPIC_NAME(
      "SNS",
      "topic name",
      256,
      "characters",
      "https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/sns/aws.sdk.kotlin.services.sns.model/-create-topic-request/name.html"),
  IAM_ROLE_NAME(
      "IAM",
      "role name",
      64,
      "characters",
      "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html"),
  IAM_POLICY_NAME(
      "IAM",
      "inline policy name",
      128,
      "characters",
      "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html"),
  IAM_ROLE_INLINE_POLICY(
      "IAM",
      "inline policies of a role, all together (white space not counted)",
      10240,
      "characters",
      "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html"),
  LOG_GROUP_NAME(
      "CloudWatch Logs",
      "log group name",
      512,
      "characters",
      "https://hackage.haskell.org/package/amazonka-cloudwatch-logs-1.4.5/docs/Network-AWS-CloudWatchLogs-CreateLogGroup.html"),
  ALARM_NAME(
      "CloudWatch",
      "alarm name",
      255,
      "characters",
      "https://docs.amazonaws.cn/en_us/AmazonCloudWatch/latest/APIReference/API_MetricAlarm.md"),
  ALARM_DESCRIPTION(
      "CloudWatch",
      "alarm description",
      1024,
      "characters",
      "https://docs.amazonaws.cn/en_us/AmazonCloudWatch/latest/APIReference/API_MetricAlarm.md"),
  API_STAGE_NAME(
      "API Gateway",
      "stage name",
      128,
      "characters",
      "https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/apigateway/aws.sdk.kotlin.services.apigateway.model/-stage/stage-name.html"),
  EVENTBRIDGE_RULE_NAME(
      "EventBridge",
      "rule name",
      64,
      "characters",
      "https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutRule.html"),
  EVENTBRIDGE_SCHEDULE_EXPRESSION(
      "EventBridge",
      "schedule expression of a rule",
      256,
      "characters",
      "https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutRule.html"),
  DASHBOARD_NAME(
      "CloudWatch",
      "dashboard name",
      255,
      "characters",
      "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-cw-dashboard.html");

  /**
   * Tags the operator puts on every resource beside the user's: {@link Ownership#ENVIRONMENT_TAG}.
   */
  public static final int OPERATOR_TAGS = 1;

  /** What a user may add to {@code spec.tags}: AWS's allowance less the operator's own. */
  public static final int USER_TAGS = 50 - OPERATOR_TAGS;

  private final String service;
  private final String what;
  private final int max;
  private final String unit;
  private final String source;

  AwsLimit(String service, String what, int max, String unit, String source) {
    this.service = service;
    this.what = what;
    this.max = max;
    this.unit = unit;
    this.source = source;
  }

  public String service() {
    return service;
  }

  public String what() {
    return what;
  }

  public int max() {
    return max;
  }

  public String unit() {
    return unit;
  }

  public String source() {
    return source;
  }

  /** Whether {@code amount} stays within this limit. */
  public boolean allows(long amount) {
    return amount <= max;
  }

  /** "Lambda allows 4,096": the end of every refusal that names this limit. */
  public String allowance() {
    return service.contains(",")
        ? "AWS allows " + grouped(max)
        : service + " allows " + grouped(max);
  }

  static String grouped(long n) {
    return String.format(java.util.Locale.ROOT, "%,d", n);
  }

  /** The table of docs/api.md, one row per limit. */
  public static List<String> markdownRows() {
    List<String> rows = new java.util.ArrayList<>();
    rows.add("| service | limit | at most | source |");
    rows.add("| --- | --- | --- | --- |");
    for (AwsLimit l : values()) {
      rows.add(
          "| "
              + l.service
              + " | "
              + l.what
              + " | "
              + grouped(l.max)
              + " "
              + l.unit
              + " | [page]("
              + l.source
              + ") |");
    }
    return rows;
  }
}
