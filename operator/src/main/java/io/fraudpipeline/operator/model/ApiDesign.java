package io.fraudpipeline.operator.model;

import io.fraudpipeline.api.v1alpha1.ApiSpec;
import io.fraudpipeline.api.v1alpha1.Authorization;
import java.util.List;
import java.util.Map;

/**
 * The REST API in API Gateway's terms, whichever backend makes it: POST /transactions and GET
 * /transactions/{transactionId}, both proxied to the processor; who may call them; and the two
 * grants that let API Gateway invoke the processor for these methods only.
 */
public final class ApiDesign {

  /** A path part under its parent: the root when {@code parentComponent} is null. */
  public record PathPart(String component, String parentComponent, String pathPart) {}

  /**
   * A method and its Lambda proxy integration.
   *
   * @param authorization API Gateway's authorization type: API_KEY is no type of its own but NONE
   *     with a required key
   */
  public record Route(
      String component,
      String resourceComponent,
      String httpMethod,
      String authorization,
      boolean apiKeyRequired,
      Map<String, Object> requestParameters) {}

  /** A statement of the processor's resource policy: API Gateway may invoke it for one method. */
  public record InvokeGrant(String statementId, String httpMethod, String methodPath) {

    public String sourceArn(String executionArn) {
      return executionArn + methodPath;
    }
  }

  /** Lambda is always invoked with POST, whatever the client's method. */
  public static final String INTEGRATION_METHOD = "POST";

  public static final String INTEGRATION_TYPE = "AWS_PROXY";

  public static final List<PathPart> PATHS =
      List.of(
          new PathPart(StackComponents.TRANSACTIONS_RESOURCE, null, "transactions"),
          new PathPart(
              StackComponents.TRANSACTION_RESOURCE,
              StackComponents.TRANSACTIONS_RESOURCE,
              "{transactionId}"));

  public static final List<InvokeGrant> INVOKE_GRANTS =
      List.of(
          new InvokeGrant("AllowApiPostTransactions", "POST", "/*/POST/transactions"),
          new InvokeGrant("AllowApiGetTransaction", "GET", "/*/GET/transactions/*"));

  private ApiDesign() {}

  public static List<Route> routes(ApiSpec api) {
    boolean apiKey = api.getAuthorization() == Authorization.API_KEY;
    String authorization = apiKey ? "NONE" : api.getAuthorization().value();
    return List.of(
        new Route(
            StackComponents.POST_TRANSACTIONS,
            StackComponents.TRANSACTIONS_RESOURCE,
            "POST",
            authorization,
            apiKey,
            null),
        new Route(
            StackComponents.GET_TRANSACTION,
            StackComponents.TRANSACTION_RESOURCE,
            "GET",
            authorization,
            apiKey,
            Map.of("method.request.path.transactionId", true)));
  }

  public static String description(AwsNames names) {
    return "Fraud detection API of pipeline " + names.suffix();
  }

  /** {@code https://<api>.execute-api.<region>.<domain>/<stage>/transactions}. */
  public static String endpoint(String restApiId, String region, String stageName) {
    return stageUrl(stageInvokeUrl(restApiId, region, stageName));
  }

  /** A stage's invoke URL, {@code https://<api>.execute-api.<region>.<domain>/<stage>}. */
  public static String stageInvokeUrl(String restApiId, String region, String stageName) {
    String domain = AwsPartition.of(region).equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com";
    return "https://" + restApiId + ".execute-api." + region + "." + domain + "/" + stageName;
  }

  /** The POST /transactions URL under a stage's invoke URL. */
  public static String stageUrl(String invokeUrl) {
    return (invokeUrl.endsWith("/") ? invokeUrl.substring(0, invokeUrl.length() - 1) : invokeUrl)
        + "/transactions";
  }

  /** What API Gateway invokes for a function or alias ARN. */
  public static String lambdaInvokeUri(String partition, String region, String functionArn) {
    return "arn:"
        + partition
        + ":apigateway:"
        + region
        + ":lambda:path/2015-03-31/functions/"
        + functionArn
        + "/invocations";
  }
}
