package io.fraudpipeline.functions.aws;

import java.time.Duration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The SDK's HTTP client of a package, named by {@code FRAUD_HTTP_CLIENT}: the JDK's URL connection
 * (unset or {@code url-connection}, the zip) or the AWS CRT-based client with native TLS ({@code
 * crt}, which {@code functions/Dockerfile} sets: only the image carries the CRT, whose natives do
 * not fit the zip's 10 MB). Which is faster where is decision 0012. Either is built in the
 * background ({@link BackgroundHttpClient}).
 */
final class HttpClients {

  static final String VARIABLE = "FRAUD_HTTP_CLIENT";
  static final String URL_CONNECTION = "url-connection";
  static final String CRT = "crt";

  static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(10);
  private static final String CRT_CLIENT_CLASS = "software.amazon.awssdk.http.crt.AwsCrtHttpClient";

  private HttpClients() {}

  static SdkHttpClient of(Env env) {
    String name = env.optional(VARIABLE);
    if (name == null || name.equals(URL_CONNECTION)) {
      return new BackgroundHttpClient("UrlConnection", HttpClients::urlConnection);
    }
    if (name.equals(CRT)) {
      // said at init, not at the first request: a zip deploy told to use a client it lacks
      if (!onClassPath(CRT_CLIENT_CLASS)) {
        throw new IllegalStateException(
            VARIABLE
                + "="
                + CRT
                + ", but this package has no AWS CRT-based client: the zip carries the URL"
                + " connection client only, the image adds the CRT");
      }
      return new BackgroundHttpClient("AwsCommonRuntime", CrtHttpClient::build);
    }
    throw new IllegalStateException(
        VARIABLE + "=" + name + ": expected " + URL_CONNECTION + " or " + CRT);
  }

  private static SdkHttpClient urlConnection() {
    return UrlConnectionHttpClient.builder()
        .connectionTimeout(CONNECTION_TIMEOUT)
        .socketTimeout(SOCKET_TIMEOUT)
        .build();
  }

  private static boolean onClassPath(String className) {
    try {
      Class.forName(className, false, HttpClients.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
