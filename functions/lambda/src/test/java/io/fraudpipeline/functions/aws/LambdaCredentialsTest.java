package io.fraudpipeline.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * Both places Lambda puts a function's credentials: the environment, given here as a map, and the
 * runtime's container-credentials endpoint of a SnapStart function, served by a loopback stand-in
 * (the SDK reads the endpoint's settings from system properties before the environment, so the test
 * sets those).
 */
class LambdaCredentialsTest {

  private static final String TOKEN = "runtime-token";
  private static final String[] PROPERTIES = {
    "aws.containerCredentialsFullUri", "aws.containerAuthorizationToken"
  };

  private final AtomicInteger endpointCalls = new AtomicInteger();
  private HttpServer endpoint;

  @BeforeEach
  void serveTheRuntimesCredentialsEndpoint() throws Exception {
    endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    endpoint.createContext(
        "/2021-04-23/credentials",
        exchange -> {
          endpointCalls.incrementAndGet();
          boolean authorized = TOKEN.equals(exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] body =
              (authorized
                      ? """
                        {"AccessKeyId": "ASIACONTAINER", "SecretAccessKey": "container-secret",
                         "Token": "container-session", "Expiration": "%s"}"""
                          .formatted(Instant.now().plus(1, ChronoUnit.HOURS))
                      : "{\"message\": \"unauthorized\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(authorized ? 200 : 401, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    endpoint.start();
    System.setProperty(
        "aws.containerCredentialsFullUri",
        "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/2021-04-23/credentials");
    System.setProperty("aws.containerAuthorizationToken", TOKEN);
  }

  @AfterEach
  void stop() {
    for (String property : PROPERTIES) {
      System.clearProperty(property);
    }
    endpoint.stop(0);
  }

  @Test
  void aSnapStartFunctionWithoutKeysInItsEnvironmentGetsTheRuntimeEndpointsCredentials() {
    LambdaCredentials credentials = new LambdaCredentials(environment(Map.of()));
    assertThat(endpointCalls).as("nothing is fetched before a request").hasValue(0);

    AwsCredentials resolved = credentials.resolveCredentials();

    assertThat(resolved.accessKeyId()).isEqualTo("ASIACONTAINER");
    assertThat(resolved.secretAccessKey()).isEqualTo("container-secret");
    assertThat(resolved).isInstanceOf(AwsSessionCredentials.class);
    assertThat(((AwsSessionCredentials) resolved).sessionToken()).isEqualTo("container-session");
    assertThat(endpointCalls).hasValue(1);
  }

  @Test
  void keysInTheEnvironmentWinAndTheEndpointIsNeverAsked() {
    Map<String, String> keys =
        Map.of(
            "AWS_ACCESS_KEY_ID", "ASIAENVIRONMENT",
            "AWS_SECRET_ACCESS_KEY", "environment-secret",
            "AWS_SESSION_TOKEN", "environment-session");

    AwsCredentials resolved = new LambdaCredentials(environment(keys)).resolveCredentials();

    assertThat(resolved.accessKeyId()).isEqualTo("ASIAENVIRONMENT");
    assertThat(resolved.secretAccessKey()).isEqualTo("environment-secret");
    assertThat(((AwsSessionCredentials) resolved).sessionToken()).isEqualTo("environment-session");
    assertThat(endpointCalls).hasValue(0);
  }

  @Test
  void keysAreLookedUpAtEachRequestSoNoneIsKeptFromBeforeASnapshot() {
    Map<String, String> variables = new HashMap<>();
    LambdaCredentials credentials = new LambdaCredentials(environment(variables));
    variables.put("AWS_ACCESS_KEY_ID", "AKIAFIRST");
    variables.put("AWS_SECRET_ACCESS_KEY", "first-secret");
    assertThat(credentials.resolveCredentials().accessKeyId()).isEqualTo("AKIAFIRST");

    variables.put("AWS_ACCESS_KEY_ID", "AKIASECOND");
    variables.put("AWS_SECRET_ACCESS_KEY", "second-secret");
    AwsCredentials second = credentials.resolveCredentials();

    assertThat(second.accessKeyId()).isEqualTo("AKIASECOND");
    assertThat(second).isNotInstanceOf(AwsSessionCredentials.class);
    assertThat(endpointCalls).hasValue(0);
  }

  private static Env environment(Map<String, String> variables) {
    return new Env(variables::get);
  }
}
