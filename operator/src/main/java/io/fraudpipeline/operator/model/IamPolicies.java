package io.fraudpipeline.operator.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IAM documents of the functions' roles: each function may do exactly what its handler does, on
 * exactly the resources it uses (the processor may invoke the scorer and no other function; the
 * check may call the API's two methods and nothing else).
 */
public final class IamPolicies {

  public static final String BASIC_EXECUTION = "service-role/AWSLambdaBasicExecutionRole";
  public static final String XRAY_WRITE = "AWSXRayDaemonWriteAccess";

  /**
   * The AWS-managed policies of every function's role: logs, and traces (tracing is on by default).
   */
  public static final List<String> MANAGED = List.of(BASIC_EXECUTION, XRAY_WRITE);

  private IamPolicies() {}

  /** Trust policy: only the Lambda service may assume a function's role. */
  public static String assumeRoleByLambda() {
    return document(
        List.of(
            statement(List.of("sts:AssumeRole"), null, Map.of("Service", "lambda.amazonaws.com"))));
  }

  /**
   * What the processor needs, by ARN. {@code scorerInvokeArn} is what it invokes: the scorer's
   * alias ARN with SnapStart (so the grant covers that alias only), else the function's.
   */
  public record ProcessorGrants(
      String transactionsTableArn,
      String transactionsStreamArn,
      String fraudScoresTableArn,
      String scorerInvokeArn,
      String deadLetterQueueArn) {}

  /** What the scorer needs, by ARN. */
  public record ScorerGrants(
      String fraudScoresTableArn, String alertTopicArn, String deadLetterQueueArn) {}

  /**
   * What the check needs: to call the API as a client would, POST /transactions and GET
   * /transactions/{id} of one stage, and with {@code API_KEY} authorization to read that one key's
   * value (null without).
   *
   * @param executionArn the API's {@code execute-api} ARN prefix
   */
  public record CheckGrants(String executionArn, String stageName) {}

  public static String check(CheckGrants g) {
    return document(
        List.of(
            statement(
                List.of("execute-api:Invoke"),
                List.of(
                    g.executionArn() + "/" + g.stageName() + "/POST/transactions",
                    g.executionArn() + "/" + g.stageName() + "/GET/transactions/*"),
                null)));
  }

  public static String processor(ProcessorGrants g) {
    return document(
        List.of(
            // a conditional PutItem for POST (GetItem after a lost condition), GetItem for GET
            statement(
                List.of("dynamodb:PutItem", "dynamodb:GetItem"),
                List.of(g.transactionsTableArn()),
                null),
            statement(
                List.of(
                    "dynamodb:DescribeStream",
                    "dynamodb:GetRecords",
                    "dynamodb:GetShardIterator",
                    "dynamodb:ListStreams"),
                List.of(g.transactionsStreamArn()),
                null),
            statement(List.of("dynamodb:GetItem"), List.of(g.fraudScoresTableArn()), null),
            statement(List.of("lambda:InvokeFunction"), List.of(g.scorerInvokeArn()), null),
            // the stream mapping's on-failure destination sends with the function's role
            statement(List.of("sqs:SendMessage"), List.of(g.deadLetterQueueArn()), null)));
  }

  public static String scorer(ScorerGrants g) {
    return document(
        List.of(
            // a conditional put stores a score once; GetItem reads it back on a repeated
            // delivery; UpdateItem claims and releases the single alert
            statement(
                List.of("dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:UpdateItem"),
                List.of(g.fraudScoresTableArn()),
                null),
            statement(List.of("sns:Publish"), List.of(g.alertTopicArn()), null),
            // the async-invoke on-failure destination sends with the function's role
            statement(List.of("sqs:SendMessage"), List.of(g.deadLetterQueueArn()), null)));
  }

  private static String document(List<Map<String, Object>> statements) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("Version", "2012-10-17");
    doc.put("Statement", statements);
    return Json.write(doc);
  }

  private static Map<String, Object> statement(
      List<String> actions, List<String> resources, Map<String, String> principal) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("Effect", "Allow");
    if (principal != null) {
      s.put("Principal", principal);
    }
    s.put("Action", actions);
    if (resources != null) {
      s.put("Resource", resources);
    }
    return s;
  }
}
