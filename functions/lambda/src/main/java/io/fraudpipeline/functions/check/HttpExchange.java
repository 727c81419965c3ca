package io.fraudpipeline.functions.check;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;

/** One request through the SDK's HTTP client, authorized, its answer read as text. */
final class HttpExchange {

  /** Answers are small JSON objects; more than this is cut, it only ever goes to a log line. */
  private static final int MAX_BODY_BYTES = 64 * 1024;

  private final SdkHttpClient http;

  HttpExchange(SdkHttpClient http) {
    this.http = http;
  }

  TransactionsClient.Answer send(
      SdkHttpMethod method, URI uri, byte[] body, ApiAuthorization authorization)
      throws IOException {
    SdkHttpFullRequest.Builder request =
        SdkHttpFullRequest.builder()
            .method(method)
            .uri(uri)
            .putHeader("Accept", "application/json");
    if (body.length > 0) {
      request
          .putHeader("Content-Type", "application/json")
          .putHeader("Content-Length", Integer.toString(body.length));
    }
    ApiAuthorization.Authorized authorized = authorization.authorize(request.build(), body);
    HttpExecuteResponse response =
        http.prepareRequest(
                HttpExecuteRequest.builder()
                    .request(authorized.request())
                    .contentStreamProvider(authorized.payload())
                    .build())
            .call();
    String text = "";
    if (response.responseBody().isPresent()) {
      try (InputStream in = response.responseBody().get()) {
        text = new String(in.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
      }
    }
    return new TransactionsClient.Answer(response.httpResponse().statusCode(), text);
  }
}
