package io.fraudpipeline.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.functions.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP layer alone, over a processor that answers every event with a 404 in the processor's
 * error shape: timeouts, methods, HEAD and the one error shape.
 */
class LocalHttpApiTest {

  private static final String NOT_FOUND =
      "{\"errors\":[{\"field\":\"transaction_id\",\"message\":\"no transaction x\"}]}";

  private LocalHttpApi api;
  private URI base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<Socket> sockets = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    api =
        LocalHttpApi.start(
            "127.0.0.1",
            0,
            2,
            event ->
                Json.writeBytes(
                    Map.of(
                        "statusCode",
                        404,
                        "headers",
                        Map.of("Content-Type", "application/json"),
                        "body",
                        NOT_FOUND)),
            () -> Map.of("published", 0),
            () -> Map.of(),
            LocalCallers.none(),
            Clock.systemUTC());
    base = URI.create("http://127.0.0.1:" + api.port());
  }

  @AfterEach
  void stop() throws IOException {
    for (Socket socket : sockets) {
      socket.close();
    }
    api.close();
  }

  /** A client that sends the headers and part of the body of a POST, then nothing more. */
  private Socket halfSent() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), api.port());
    sockets.add(socket);
    OutputStream out = socket.getOutputStream();
    out.write(
        ("POST /transactions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100\r\n\r\n{\"transaction_id\":")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(3))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void slowClientsDoNotStarveOthers() throws Exception {
    for (int i = 0; i < 20; i++) {
      halfSent();
    }
    Thread.sleep(200); // let the server take them all up

    assertThat(send("GET", "/alerts", null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/transactions/x", null).statusCode()).isEqualTo(404);
  }

  @Test
  void aRequestThatDoesNotArriveInTimeLosesItsConnection() throws Exception {
    Socket socket = halfSent();
    socket.setSoTimeout((LocalHttpApi.REQUEST_SECONDS + 5) * 1000);
    Instant sent = Instant.now();

    InputStream in = socket.getInputStream();
    int read;
    try {
      read = in.read();
    } catch (SocketTimeoutException stillOpen) {
      throw new AssertionError("the server kept a half-sent request open", stillOpen);
    } catch (IOException reset) {
      read = -1;
    }

    assertThat(read).isEqualTo(-1);
    assertThat(Duration.between(sent, Instant.now()))
        .isLessThan(Duration.ofSeconds(LocalHttpApi.REQUEST_SECONDS + 3));
  }

  @Test
  void aBodyTrickledInLosesItsConnectionWithinTheLimit() throws Exception {
    Socket socket = halfSent();
    OutputStream out = socket.getOutputStream();
    Instant sent = Instant.now();
    boolean closed = false;
    // one byte every 200 ms: never idle, yet not whole after the limit
    while (!closed
        && Duration.between(sent, Instant.now()).toSeconds() < LocalHttpApi.REQUEST_SECONDS + 3) {
      Thread.sleep(200);
      try {
        out.write('1');
        out.flush();
        socket.setSoTimeout(1);
        closed = socket.getInputStream().read() == -1;
      } catch (SocketTimeoutException stillOpen) {
        // nothing to read yet: the server still holds the request
      } catch (IOException reset) {
        closed = true;
      }
    }

    assertThat(closed).as("the server kept a trickled request open").isTrue();
    assertThat(Duration.between(sent, Instant.now()))
        .isLessThan(Duration.ofSeconds(LocalHttpApi.REQUEST_SECONDS + 2));
  }

  @Test
  void everyRouteAnswersAnUnsupportedMethodWith405AndAllow() throws Exception {
    for (String path : List.of("/alerts", "/dead-letters")) {
      for (String method : List.of("POST", "PUT", "DELETE")) {
        HttpResponse<String> response = send(method, path, "{}");
        assertThat(response.statusCode()).as(method + " " + path).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD");
        assertErrorShape(response.body(), "method");
      }
    }
  }

  @Test
  void headWorksWhereGetDoesWithoutABody() throws Exception {
    HttpResponse<String> get = send("GET", "/alerts", null);
    HttpResponse<String> head = send("HEAD", "/alerts", null);

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("Content-Length"))
        .contains(Integer.toString(get.body().getBytes(StandardCharsets.UTF_8).length));
    assertThat(send("HEAD", "/transactions/x", null).statusCode()).isEqualTo(404);
  }

  @Test
  void theLayersOwnErrorsHaveTheProcessorsShape() throws Exception {
    HttpResponse<String> noRoute = send("GET", "/nowhere", null);
    assertThat(noRoute.statusCode()).isEqualTo(404);
    assertErrorShape(noRoute.body(), "path");

    HttpResponse<String> huge =
        send("POST", "/transactions", "x".repeat(LocalHttpApi.MAX_BODY_BYTES + 1));
    assertThat(huge.statusCode()).isEqualTo(413);
    assertErrorShape(huge.body(), "body");
  }

  @Test
  void aRequestLineThatIsNotValidGetsTheOneErrorShape() throws Exception {
    for (String target : List.of("/transactions/%zz", "/transactions/a b", "/%")) {
      String raw =
          rawExchange("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

      assertThat(raw).as(target).startsWith("HTTP/1.1 400 ");
      assertThat(raw.toLowerCase()).as(target).contains("content-type: application/json");
      assertErrorShape(raw.substring(raw.indexOf("\r\n\r\n") + 4), "request");
    }
  }

  /** Sends bytes no HTTP client library would send, returns everything the server answers. */
  private String rawExchange(String request) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), api.port())) {
      socket.setSoTimeout(5_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @SuppressWarnings("unchecked")
  private static void assertErrorShape(String body, String field) {
    Map<String, Object> json = Json.readObject(body.getBytes(StandardCharsets.UTF_8));
    assertThat(json).containsOnlyKeys("errors");
    assertThat((List<Map<String, Object>>) json.get("errors"))
        .singleElement()
        .satisfies(
            e -> assertThat(e).containsOnlyKeys("field", "message").containsEntry("field", field));
  }
}
