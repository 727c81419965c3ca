package io.fraudpipeline.functions.aws;

import io.fraudpipeline.functions.contract.EnvVars;
import io.fraudpipeline.functions.processor.stream.LambdaScorerInvoker;
import io.fraudpipeline.functions.processor.stream.ScorerInvoker;
import io.fraudpipeline.functions.processor.stream.StreamDispatcher;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * SDK clients as a Lambda container builds them once: the region from {@code AWS_REGION}, the
 * credentials Lambda provides ({@link LambdaCredentials}), the package's HTTP client ({@link
 * HttpClients}: the JDK's URL connection in the zip, the CRT in the image; built in the
 * background). Naming each of these skips the SDK's provider chains, which cost cold-start time.
 */
public final class AwsClients {

  private static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(10);

  private final Env env;
  private final Region region;
  private final SdkHttpClient httpClient;
  private final LambdaCredentials credentials;

  /**
   * Idle connections the JDK keeps per host (its default is 5): as many as the stream dispatcher
   * has invokes in flight, so a batch does not reopen connections.
   */
  static final int KEEP_ALIVE_CONNECTIONS = StreamDispatcher.DEFAULT_CONCURRENCY;

  public AwsClients(Env env) {
    // read once, when the JDK's keep-alive cache first loads: before any connection is made
    if (System.getProperty("http.maxConnections") == null) {
      System.setProperty("http.maxConnections", Integer.toString(KEEP_ALIVE_CONNECTIONS));
    }
    this.env = env;
    this.credentials = new LambdaCredentials(env);
    this.region = Region.of(env.required(EnvVars.AWS_REGION));
    this.httpClient = HttpClients.of(env);
  }

  public DynamoDbClient dynamoDb() {
    return DynamoDbClient.builder()
        // off by default already; said here so the SDK does not look for a setting in the profile
        .endpointDiscoveryEnabled(false)
        .region(region)
        .credentialsProvider(credentials)
        .httpClient(httpClient)
        .overrideConfiguration(timeouts())
        .build();
  }

  /**
   * Invokes the scorer through the same HTTP client. {@code AWS_ENDPOINT_URL_LAMBDA} and {@code
   * AWS_ENDPOINT_URL} override the endpoint as they do for the SDK's own clients.
   */
  public ScorerInvoker scorerInvoker(String functionName) {
    String override = env.optional("AWS_ENDPOINT_URL_LAMBDA");
    if (override == null) {
      override = env.optional("AWS_ENDPOINT_URL");
    }
    URI endpoint =
        override != null ? URI.create(override) : LambdaScorerInvoker.defaultEndpoint(region);
    return new LambdaScorerInvoker(httpClient, credentials, region, endpoint, functionName);
  }

  public SnsClient sns() {
    return SnsClient.builder()
        .region(region)
        .credentialsProvider(credentials)
        .httpClient(httpClient)
        .overrideConfiguration(timeouts())
        .build();
  }

  private static ClientOverrideConfiguration timeouts() {
    return ClientOverrideConfiguration.builder().apiCallTimeout(API_CALL_TIMEOUT).build();
  }
}
