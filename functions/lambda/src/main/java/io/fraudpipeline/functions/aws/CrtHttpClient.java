package io.fraudpipeline.functions.aws;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;

/**
 * Builds the AWS CRT-based client; a class of its own so that the CRT's classes are linked only
 * when {@link HttpClients} chose it, never in a zip that lacks them. Building it loads the CRT's
 * native library (unpacked from the class path to the temp folder) and starts its event loop; the
 * SDK's API call timeout bounds a request, as the URL connection's socket timeout does.
 */
final class CrtHttpClient {

  private CrtHttpClient() {}

  static SdkHttpClient build() {
    return AwsCrtHttpClient.builder()
        .connectionTimeout(HttpClients.CONNECTION_TIMEOUT)
        // per endpoint: as many connections as the stream dispatcher has invokes in flight
        .maxConcurrency(AwsClients.KEEP_ALIVE_CONNECTIONS)
        .build();
  }
}
