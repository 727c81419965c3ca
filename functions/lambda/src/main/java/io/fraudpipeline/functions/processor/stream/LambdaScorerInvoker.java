package io.fraudpipeline.functions.processor.stream;

import io.fraudpipeline.functions.model.ScoringPayload;
import io.fraudpipeline.functions.model.Transaction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.Region;

/**
 * Invokes the scorer function asynchronously: the Lambda {@code Invoke} API with {@code
 * X-Amz-Invocation-Type: Event}, so Lambda queues the event, answers 202, and retries and
 * dead-letters failures of the scorer itself.
 *
 * <p>The request is signed with the SDK's SigV4 signer and sent with the SDK's HTTP client rather
 * than through the SDK's Lambda client: that client's module is 3.4 MB of model classes for the one
 * call made here, and dropping it is what keeps the function package under 10 MB.
 */
public final class LambdaScorerInvoker implements ScorerInvoker {

  private static final String API_VERSION = "2015-03-31";
  private static final int MAX_ERROR_CHARS = 500;

  private final SdkHttpClient http;
  private final AwsCredentialsProvider credentials;
  private final Region region;
  private final URI invocationsUri;
  private final String functionName;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

  /**
   * @param endpoint the Lambda endpoint, e.g. {@link #defaultEndpoint(Region)}
   * @param functionName the scorer's name or ARN
   */
  public LambdaScorerInvoker(
      SdkHttpClient http,
      AwsCredentialsProvider credentials,
      Region region,
      URI endpoint,
      String functionName) {
    this.http = http;
    this.credentials = credentials;
    this.region = region;
    this.functionName = functionName;
    String base = endpoint.toString().replaceAll("/+$", "");
    this.invocationsUri =
        URI.create(
            base
                + "/"
                + API_VERSION
                + "/functions/"
                + URLEncoder.encode(functionName, StandardCharsets.UTF_8)
                + "/invocations");
  }

  /**
   * {@code https://lambda.<region>.amazonaws.com}, or {@code .amazonaws.com.cn} in the China
   * regions. Decided from the region name because the SDK's partition metadata loads the metadata
   * of every AWS service, a third of a second of cold start; the isolated partitions set {@code
   * AWS_ENDPOINT_URL_LAMBDA} instead.
   */
  public static URI defaultEndpoint(Region region) {
    String suffix = region.id().startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
    return URI.create("https://lambda." + region.id() + "." + suffix);
  }

  @Override
  public void invoke(List<Transaction> transactions) {
    byte[] payload = ScoringPayload.toJson(transactions);
    String what = describe(transactions);
    SdkHttpFullRequest request =
        SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(invocationsUri)
            .putHeader("Content-Type", "application/json")
            .putHeader("X-Amz-Invocation-Type", "Event")
            .putHeader("Content-Length", Integer.toString(payload.length))
            .build();
    SignedRequest signed =
        signer.sign(
            s ->
                s.identity(credentials.resolveCredentials())
                    .request(request)
                    .payload(ContentStreamProvider.fromByteArray(payload))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "lambda")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
    try {
      HttpExecuteResponse response =
          http.prepareRequest(
                  HttpExecuteRequest.builder()
                      .request(signed.request())
                      .contentStreamProvider(signed.payload().orElse(null))
                      .build())
              .call();
      int status = response.httpResponse().statusCode();
      String body = read(response);
      if (status != 202) {
        throw new ScorerInvokeException(
            "scorer " + functionName + " did not queue " + what + ": HTTP " + status + " " + body);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("scorer " + functionName + " unreachable for " + what, e);
    }
  }

  private static String describe(List<Transaction> transactions) {
    String first = transactions.isEmpty() ? "none" : transactions.get(0).transactionId();
    return transactions.size() == 1
        ? first
        : transactions.size() + " transactions (first " + first + ")";
  }

  private static String read(HttpExecuteResponse response) throws IOException {
    if (response.responseBody().isEmpty()) {
      return "";
    }
    try (InputStream body = response.responseBody().get()) {
      String text = new String(body.readNBytes(MAX_ERROR_CHARS), StandardCharsets.UTF_8);
      return text.strip();
    }
  }

  /** Lambda answered, but did not accept the event. */
  public static final class ScorerInvokeException extends RuntimeException {
    public ScorerInvokeException(String message) {
      super(message);
    }
  }
}
