package io.fraudpipeline.functions.check;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * How the check's requests prove themselves to the API, after its {@code spec.api.authorization}:
 * SigV4 with the function's role ({@code AWS_IAM}), the pipeline's API key ({@code API_KEY}), or
 * nothing ({@code NONE}).
 */
@FunctionalInterface
public interface ApiAuthorization {

  /** A request ready to send, with its body. */
  record Authorized(SdkHttpRequest request, ContentStreamProvider payload) {}

  Authorized authorize(SdkHttpFullRequest request, byte[] body);

  /** {@code NONE}: the request as it is. */
  static ApiAuthorization none() {
    return (request, body) ->
        new Authorized(
            request, body.length == 0 ? null : ContentStreamProvider.fromByteArray(body));
  }
}
