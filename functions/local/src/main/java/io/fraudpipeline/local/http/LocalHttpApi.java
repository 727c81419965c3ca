package io.fraudpipeline.local.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fraudpipeline.functions.json.Json;
import io.fraudpipeline.local.lambda.LocalFunction;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The local HTTP API on the JDK's HTTP server. {@code /transactions} and {@code /transactions/{id}}
 * go to the processor function as API Gateway REST proxy events, whatever the method (the processor
 * answers 405 for the ones it does not serve); {@code GET /alerts} and {@code GET /dead-letters}
 * show what the local topic and queues received.
 */
public final class LocalHttpApi implements AutoCloseable {

  /** API Gateway's own payload limit; the processor refuses far smaller bodies itself. */
  static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

  private final HttpServer server;
  private final ExecutorService executor;
  private final LocalFunction processor;
  private final ProxyEvents events;
  private final Supplier<Object> alerts;
  private final Supplier<Object> deadLetters;

  private LocalHttpApi(
      HttpServer server,
      ExecutorService executor,
      LocalFunction processor,
      ProxyEvents events,
      Supplier<Object> alerts,
      Supplier<Object> deadLetters) {
    this.server = server;
    this.executor = executor;
    this.processor = processor;
    this.events = events;
    this.alerts = alerts;
    this.deadLetters = deadLetters;
  }

  /**
   * Binds and starts the server.
   *
   * @param port 0 for any free port
   * @throws IOException when the address cannot be bound (e.g. the port is taken)
   */
  public static LocalHttpApi start(
      String bind,
      int port,
      int threads,
      LocalFunction processor,
      Supplier<Object> alerts,
      Supplier<Object> deadLetters,
      Clock clock)
      throws IOException {
    // without TCP_NODELAY the JDK server's header and body segments meet the client's delayed
    // ACK: 40 ms per response. The property is read once, when the first server is created.
    if (System.getProperty(NODELAY_PROPERTY) == null) {
      System.setProperty(NODELAY_PROPERTY, "true");
    }
    HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 256);
    AtomicInteger count = new AtomicInteger();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread thread = new Thread(task, "http-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    LocalHttpApi api =
        new LocalHttpApi(
            server, executor, processor, new ProxyEvents("local", clock), alerts, deadLetters);
    server.setExecutor(executor);
    server.createContext("/", api::serve);
    server.start();
    return api;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String method = exchange.getRequestMethod();
      if (path.equals(ProxyEvents.COLLECTION) || path.equals(ProxyEvents.COLLECTION + "/")) {
        proxy(exchange, null);
      } else if (path.startsWith(ProxyEvents.COLLECTION + "/")
          && path.indexOf('/', ProxyEvents.COLLECTION.length() + 1) < 0) {
        proxy(exchange, path.substring(ProxyEvents.COLLECTION.length() + 1));
      } else if (path.equals("/alerts") && method.equals("GET")) {
        send(exchange, 200, Map.of("Content-Type", "application/json"), Json.write(alerts.get()));
      } else if (path.equals("/dead-letters") && method.equals("GET")) {
        send(
            exchange,
            200,
            Map.of("Content-Type", "application/json"),
            Json.write(deadLetters.get()));
      } else {
        sendMessage(exchange, 404, "no route for " + method + " " + path);
      }
    } catch (RuntimeException e) {
      sendMessage(exchange, 500, "local runtime error: " + e.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private void proxy(HttpExchange exchange, String rawId) throws IOException {
    byte[] bytes = readBody(exchange.getRequestBody());
    if (bytes == null) {
      sendMessage(exchange, 413, "Request Entity Too Large");
      return;
    }
    String body = bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8);
    Map<String, Object> event = events.event(exchange, rawId, body);
    Map<String, Object> response;
    try {
      response = Json.readObject(processor.invoke(Json.writeBytes(event)));
    } catch (RuntimeException e) {
      // what API Gateway answers when the integration fails; the function logged its error
      System.err.println("processor invocation failed: " + e);
      sendMessage(exchange, 502, "Internal server error");
      return;
    }
    int status = response.get("statusCode") instanceof Number n ? n.intValue() : 502;
    Map<String, String> headers = new LinkedHashMap<>();
    if (response.get("headers") instanceof Map<?, ?> map) {
      ((Map<String, Object>) map).forEach((k, v) -> headers.put(k, String.valueOf(v)));
    }
    Object responseBody = response.get("body");
    send(exchange, status, headers, responseBody == null ? "" : responseBody.toString());
  }

  /** The body, or null when it is larger than API Gateway would take. */
  private static byte[] readBody(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
    return bytes.length > MAX_BODY_BYTES ? null : bytes;
  }

  private static void sendMessage(HttpExchange exchange, int status, String message)
      throws IOException {
    send(
        exchange,
        status,
        Map.of("Content-Type", "application/json"),
        Json.write(Map.of("message", message)));
  }

  private static void send(
      HttpExchange exchange, int status, Map<String, String> headers, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** Stops accepting requests, lets those in progress finish for up to a second. */
  @Override
  public void close() {
    server.stop(1);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
