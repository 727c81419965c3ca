package io.fraudpipeline.functions.check;

import io.fraudpipeline.functions.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * {@code API_KEY}: sends the pipeline's API key in {@code x-api-key}, as its clients do. The key's
 * value is read once per container from API Gateway ({@code GET /apikeys/{id}?includeValue=true},
 * signed with the function's role, which may read that one key and nothing else), so it never sits
 * in the function's environment; a failed read is tried again at the next request.
 */
final class ApiKeyAuthorization implements ApiAuthorization {

  private final HttpExchange http;
  private final URI keyUri;
  private final String keyId;
  private final ApiAuthorization apiGatewaySigning;
  private volatile String value;

  /**
   * @param apiGateway API Gateway's management endpoint, e.g. {@code
   *     https://apigateway.eu-west-1.amazonaws.com}
   */
  ApiKeyAuthorization(
      HttpExchange http, URI apiGateway, String keyId, ApiAuthorization apiGatewaySigning) {
    this.http = http;
    this.keyId = keyId;
    this.keyUri =
        URI.create(
            apiGateway.toString().replaceAll("/+$", "")
                + "/apikeys/"
                + URLEncoder.encode(keyId, StandardCharsets.UTF_8)
                + "?includeValue=true");
    this.apiGatewaySigning = apiGatewaySigning;
  }

  @Override
  public Authorized authorize(SdkHttpFullRequest request, byte[] body) {
    return new Authorized(
        request.toBuilder().putHeader("x-api-key", value()).build(),
        body.length == 0 ? null : ContentStreamProvider.fromByteArray(body));
  }

  private String value() {
    String known = value;
    if (known != null) {
      return known;
    }
    TransactionsClient.Answer answer;
    try {
      answer = http.send(SdkHttpMethod.GET, keyUri, new byte[0], apiGatewaySigning);
    } catch (IOException e) {
      throw new UncheckedIOException("API Gateway unreachable to read API key " + keyId, e);
    }
    if (!answer.ok()) {
      throw new IllegalStateException(
          "reading API key " + keyId + " answered " + answer.status() + " " + answer.body());
    }
    Map<String, Object> key = Json.readObject(answer.body().getBytes(StandardCharsets.UTF_8));
    if (!(key.get("value") instanceof String read) || read.isEmpty()) {
      throw new IllegalStateException("API Gateway answered API key " + keyId + " without a value");
    }
    value = read;
    return read;
  }
}
