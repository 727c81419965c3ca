package io.fraudpipeline.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;

class HttpClientsTest {

  private HttpServer server;

  @BeforeEach
  void serveOnLoopback() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body =
              ("answered " + exchange.getRequestMethod()).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void theUrlConnectionClientWhenNoneIsNamed() throws IOException {
    try (SdkHttpClient client = HttpClients.of(env(Map.of()))) {
      assertThat(client.clientName()).isEqualTo("UrlConnection");
      assertThat(post(client)).isEqualTo("answered POST");
    }
  }

  @Test
  void theCrtClientWhenTheImageNamesIt() throws IOException {
    try (SdkHttpClient client = HttpClients.of(env(Map.of(HttpClients.VARIABLE, "crt")))) {
      assertThat(client.clientName()).isEqualTo("AwsCommonRuntime");
      assertThat(post(client)).isEqualTo("answered POST");
    }
  }

  @Test
  void anUnknownClientIsRefusedByName() {
    assertThatThrownBy(() -> HttpClients.of(env(Map.of(HttpClients.VARIABLE, "netty"))))
        .hasMessage("FRAUD_HTTP_CLIENT=netty: expected url-connection or crt");
  }

  private static Env env(Map<String, String> variables) {
    return new Env(variables::get);
  }

  private String post(SdkHttpClient client) throws IOException {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    SdkHttpFullRequest request =
        SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"))
            .putHeader("Content-Length", Integer.toString(body.length))
            .build();
    HttpExecuteResponse response =
        client
            .prepareRequest(
                HttpExecuteRequest.builder()
                    .request(request)
                    .contentStreamProvider(() -> new java.io.ByteArrayInputStream(body))
                    .build())
            .call();
    assertThat(response.httpResponse().statusCode()).isEqualTo(200);
    try (InputStream in = response.responseBody().orElseThrow()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
