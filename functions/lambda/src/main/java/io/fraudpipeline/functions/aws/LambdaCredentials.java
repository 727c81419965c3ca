package io.fraudpipeline.functions.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.utils.Lazy;

/**
 * The credentials Lambda gives a function, wherever it puts them: in the environment ({@code
 * AWS_ACCESS_KEY_ID} and the rest) on an on-demand start; behind the runtime's container
 * credentials endpoint ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI} and its token) on a SnapStart
 * function, whose environment has no keys. Looked up at each request, so a snapshot taken after
 * priming (which makes no request) holds none; the endpoint's provider, which caches and refreshes
 * what it fetched, is built at the first request that finds no keys in the environment.
 */
final class LambdaCredentials implements AwsCredentialsProvider {

  private final Env env;
  private final Lazy<ContainerCredentialsProvider> container =
      new Lazy<>(() -> ContainerCredentialsProvider.builder().build());

  LambdaCredentials(Env env) {
    this.env = env;
  }

  @Override
  public AwsCredentials resolveCredentials() {
    String keyId = env.optional("AWS_ACCESS_KEY_ID");
    if (keyId == null) {
      return container.getValue().resolveCredentials();
    }
    String secret = env.required("AWS_SECRET_ACCESS_KEY");
    String session = env.optional("AWS_SESSION_TOKEN");
    return session == null
        ? AwsBasicCredentials.create(keyId, secret)
        : AwsSessionCredentials.create(keyId, secret, session);
  }
}
