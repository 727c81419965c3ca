package io.fraudpipeline.functions.aws;

import io.fraudpipeline.functions.contract.EnvVars;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * What a function needs to send requests it signs itself, without an SDK service client (the
 * check's calls to its pipeline's API and to API Gateway): the JDK's URL connection as HTTP client,
 * built in the background ({@link BackgroundHttpClient}), the credentials Lambda provides ({@link
 * LambdaCredentials}) and the region from {@code AWS_REGION}.
 */
public final class SigningHttp {

  private final Env env;
  private final Region region;
  private final SdkHttpClient http;
  private final AwsCredentialsProvider credentials;

  public SigningHttp(Env env) {
    this.env = env;
    this.credentials = new LambdaCredentials(env);
    this.region = Region.of(env.required(EnvVars.AWS_REGION));
    this.http =
        new BackgroundHttpClient(
            "UrlConnection",
            () ->
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(2))
                    .socketTimeout(Duration.ofSeconds(10))
                    .build());
  }

  public SdkHttpClient http() {
    return http;
  }

  public AwsCredentialsProvider credentials() {
    return credentials;
  }

  public Region region() {
    return region;
  }

  /**
   * API Gateway's management endpoint: {@code AWS_ENDPOINT_URL_API_GATEWAY} or {@code
   * AWS_ENDPOINT_URL} when set, as for the SDK's own clients, else the region's (decided from the
   * region's name, as the scorer invoke's is, rather than by loading the SDK's partition metadata).
   */
  public URI apiGatewayEndpoint() {
    String override = env.optional("AWS_ENDPOINT_URL_API_GATEWAY");
    if (override == null) {
      override = env.optional("AWS_ENDPOINT_URL");
    }
    if (override != null) {
      return URI.create(override);
    }
    String suffix = region.id().startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
    return URI.create("https://apigateway." + region.id() + "." + suffix);
  }
}
