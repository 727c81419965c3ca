package io.fraudpipeline.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeepAlivePosterTest {

  private HttpServer server;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.createContext("/transactions", exchange -> answer(exchange, 202, false));
    server.createContext("/closing", exchange -> answer(exchange, 200, true));
    server.createContext("/chunked", this::answerChunked);
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange, int status, boolean close) throws IOException {
    try (exchange) {
      bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      clientPorts.add(exchange.getRemoteAddress().getPort());
      assertThat(exchange.getRequestHeaders().getFirst("Content-Type"))
          .isEqualTo("application/json");
      if (close) {
        exchange.getResponseHeaders().set("Connection", "close");
      }
      byte[] response = "{\"status\":\"accepted\"}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, response.length);
      exchange.getResponseBody().write(response);
    }
  }

  private void answerChunked(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(200, 0);
      exchange.getResponseBody().write("{}".getBytes(StandardCharsets.UTF_8));
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @Test
  void postsBodiesOverOneKeptAliveConnection() throws IOException {
    try (KeepAlivePoster poster = new KeepAlivePoster(uri("/transactions"))) {
      for (int i = 0; i < 3; i++) {
        assertThat(poster.post(("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8)))
            .isEqualTo(202);
      }
    }
    assertThat(bodies).containsExactly("{\"n\":0}", "{\"n\":1}", "{\"n\":2}");
    assertThat(clientPorts).hasSize(3).containsOnly(clientPorts.get(0));
  }

  @Test
  void reconnectsAfterTheServerClosesTheConnection() throws IOException {
    try (KeepAlivePoster poster = new KeepAlivePoster(uri("/closing"))) {
      assertThat(poster.post("{}".getBytes(StandardCharsets.UTF_8))).isEqualTo(200);
      assertThat(poster.post("{}".getBytes(StandardCharsets.UTF_8))).isEqualTo(200);
    }
    assertThat(clientPorts).hasSize(2).doesNotHaveDuplicates();
  }

  @Test
  void refusesAChunkedResponse() {
    try (KeepAlivePoster poster = new KeepAlivePoster(uri("/chunked"))) {
      assertThatThrownBy(() -> poster.post("{}".getBytes(StandardCharsets.UTF_8)))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("chunked");
    }
  }
}
