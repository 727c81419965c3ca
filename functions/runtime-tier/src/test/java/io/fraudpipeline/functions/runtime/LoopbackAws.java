package io.fraudpipeline.functions.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A loopback stand-in for an AWS API the functions call (Lambda's asynchronous Invoke, SNS
 * Publish): it answers every request as that service answers success and keeps what it received.
 */
final class LoopbackAws implements AutoCloseable {

  record Request(String method, String path, String body) {}

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private LoopbackAws(int status, String contentType, String body) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", exchange -> answer(exchange, status, contentType, body));
    server.start();
  }

  /** Lambda accepting an asynchronous invoke: 202 and no body. */
  static LoopbackAws lambda() {
    return new LoopbackAws(202, "application/json", "");
  }

  /** SNS answering a Publish. */
  static LoopbackAws sns() {
    return new LoopbackAws(
        200,
        "text/xml",
        "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
            + "<MessageId>m-1</MessageId></PublishResult><ResponseMetadata><RequestId>r-1"
            + "</RequestId></ResponseMetadata></PublishResponse>");
  }

  private void answer(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    requests.add(
        new Request(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  void forget() {
    requests.clear();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
