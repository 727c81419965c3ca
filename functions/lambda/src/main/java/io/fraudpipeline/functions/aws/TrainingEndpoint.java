package io.fraudpipeline.functions.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A loopback stand-in for the three AWS APIs the handlers call, answering as each answers success
 * (DynamoDB's JSON, SNS's XML, Lambda's 202 to an asynchronous invoke), so the training run of the
 * AOT cache loads and profiles the response path a first event takes, with nothing leaving the
 * machine. It only ever serves the training run.
 */
final class TrainingEndpoint implements AutoCloseable {

  private static final String SNS_PUBLISHED =
      "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
          + "<MessageId>training</MessageId></PublishResult><ResponseMetadata>"
          + "<RequestId>training</RequestId></ResponseMetadata></PublishResponse>";

  private final HttpServer server;

  private TrainingEndpoint(HttpServer server) {
    this.server = server;
  }

  /**
   * Serves on the endpoint's port when it is a loopback {@code http} URL (the training
   * environment's {@code AWS_ENDPOINT_URL}); null otherwise, and the calls then fail to connect.
   */
  static TrainingEndpoint serve(String endpoint) throws IOException {
    if (endpoint == null) {
      return null;
    }
    URI uri = URI.create(endpoint);
    if (!"http".equals(uri.getScheme())
        || uri.getPort() < 0
        || !InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
      return null;
    }
    HttpServer server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getByName(uri.getHost()), uri.getPort()), 16);
    server.createContext("/", TrainingEndpoint::answer);
    server.start();
    return new TrainingEndpoint(server);
  }

  private static void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      if (exchange.getRequestURI().getPath().endsWith("/invocations")) {
        exchange.sendResponseHeaders(202, -1);
      } else if (target != null && target.startsWith("DynamoDB_")) {
        // PutItem and UpdateItem succeed; GetItem finds nothing
        send(exchange, "application/x-amz-json-1.0", "{}");
      } else {
        send(exchange, "text/xml", SNS_PUBLISHED);
      }
    }
  }

  private static void send(HttpExchange exchange, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("x-amzn-RequestId", "training");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
