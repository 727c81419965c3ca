package io.fraudpipeline.functions.check;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * The pipeline's API over HTTP at its stage URL, {@code API_ENDPOINT} (for example {@code
 * https://abc123.execute-api.eu-west-1.amazonaws.com/prod}), each request authorized as the API
 * asks.
 */
public final class HttpTransactionsClient implements TransactionsClient {

  private final HttpExchange http;
  private final String base;
  private final ApiAuthorization authorization;

  public HttpTransactionsClient(SdkHttpClient http, URI endpoint, ApiAuthorization authorization) {
    this.http = new HttpExchange(http);
    this.base = endpoint.toString().replaceAll("/+$", "");
    this.authorization = authorization;
  }

  @Override
  public Answer post(byte[] json) throws IOException {
    return http.send(SdkHttpMethod.POST, URI.create(base + "/transactions"), json, authorization);
  }

  @Override
  public Answer get(String transactionId) throws IOException {
    return http.send(
        SdkHttpMethod.GET,
        URI.create(
            base + "/transactions/" + URLEncoder.encode(transactionId, StandardCharsets.UTF_8)),
        new byte[0],
        authorization);
  }
}
