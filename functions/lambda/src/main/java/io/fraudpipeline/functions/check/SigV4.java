package io.fraudpipeline.functions.check;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.Region;

/**
 * Signs the check's requests with the SDK's SigV4 signer and the function's credentials, looked up
 * at each request (Lambda rotates them), for one AWS service: {@code execute-api} for the
 * pipeline's API, {@code apigateway} for reading its key.
 */
final class SigV4 implements ApiAuthorization {

  static final String EXECUTE_API = "execute-api";
  static final String API_GATEWAY = "apigateway";

  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
  private final AwsCredentialsProvider credentials;
  private final Region region;
  private final String service;

  SigV4(AwsCredentialsProvider credentials, Region region, String service) {
    this.credentials = credentials;
    this.region = region;
    this.service = service;
  }

  @Override
  public Authorized authorize(SdkHttpFullRequest request, byte[] body) {
    SignedRequest signed =
        signer.sign(
            s ->
                s.identity(credentials.resolveCredentials())
                    .request(request)
                    .payload(body.length == 0 ? null : ContentStreamProvider.fromByteArray(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
    return new Authorized(signed.request(), signed.payload().orElse(null));
  }
}
