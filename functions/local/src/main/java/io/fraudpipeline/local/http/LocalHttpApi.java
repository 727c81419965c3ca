package io.fraudpipeline.local.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fraudpipeline.functions.json.Json;
import io.fraudpipeline.functions.processor.api.ApiResponse;
import io.fraudpipeline.functions.processor.api.TransactionApi;
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
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The local HTTP API on the JDK's HTTP server. {@code /transactions} and {@code /transactions/{id}}
 * go to the processor function as API Gateway REST proxy events, whatever the method (the processor
 * answers 405 for the ones it does not serve); {@code GET /alerts} and {@code GET /dead-letters}
 * show what the local topic and queues received. Every error has the processor's shape, {@code
 * {"errors":[{"field","message"}]}}.
 *
 * <p>A slow client holds a connection thread, not a processor slot: connections get threads of
 * their own (up to {@link #MAX_CONNECTIONS}), while {@code threads} bounds the processor
 * invocations running at once; a request must arrive whole within {@link #REQUEST_SECONDS} and its
 * response be taken within as long, or the connection is closed.
 */
public final class LocalHttpApi implements AutoCloseable {

  /** API Gateway's own payload limit; the processor refuses far smaller bodies itself. */
  static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  /** Seconds a client has to send a whole request, and to take a whole response. */
  public static final int REQUEST_SECONDS = 5;

  /** Connections served at once; more wait in the listen backlog. */
  static final int MAX_CONNECTIONS = 256;

  private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";
  private static final String MAX_REQUEST_TIME_PROPERTY = "sun.net.httpserver.maxReqTime";
  private static final String MAX_RESPONSE_TIME_PROPERTY = "sun.net.httpserver.maxRspTime";
  private static final String JSON = "application/json";

  private final HttpServer server;
  private final ExecutorService executor;
  private final Semaphore invocations;
  private final LocalFunction processor;
  private final ProxyEvents events;
  private final Supplier<Object> alerts;
  private final Supplier<Object> deadLetters;

  private LocalHttpApi(
      HttpServer server,
      ExecutorService executor,
      Semaphore invocations,
      LocalFunction processor,
      ProxyEvents events,
      Supplier<Object> alerts,
      Supplier<Object> deadLetters) {
    this.server = server;
    this.executor = executor;
    this.invocations = invocations;
    this.processor = processor;
    this.events = events;
    this.alerts = alerts;
    this.deadLetters = deadLetters;
  }

  /**
   * Binds and starts the server.
   *
   * @param port 0 for any free port
   * @param threads processor invocations running at once
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
    // The JDK server reads these once, when its first instance is created. Without TCP_NODELAY
    // its header and body segments meet the client's delayed ACK: 40 ms per response.
    setUnlessSet(NODELAY_PROPERTY, "true");
    setUnlessSet(MAX_REQUEST_TIME_PROPERTY, Integer.toString(REQUEST_SECONDS));
    setUnlessSet(MAX_RESPONSE_TIME_PROPERTY, Integer.toString(REQUEST_SECONDS));
    HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 256);
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            threads,
            MAX_CONNECTIONS,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            task -> {
              Thread thread = new Thread(task, "http-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    LocalHttpApi api =
        new LocalHttpApi(
            server,
            executor,
            new Semaphore(threads),
            processor,
            new ProxyEvents("local", clock),
            alerts,
            deadLetters);
    server.setExecutor(executor);
    server.createContext("/", api::serve);
    server.start();
    return api;
  }

  private static void setUnlessSet(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
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
      } else if (path.equals("/alerts")) {
        show(exchange, alerts);
      } else if (path.equals("/dead-letters")) {
        show(exchange, deadLetters);
      } else {
        sendError(
            exchange,
            ApiResponse.error(
                404,
                "path",
                "no route for "
                    + path
                    + "; the local API serves /transactions, /transactions/{id}, /alerts and"
                    + " /dead-letters"));
      }
    } catch (RuntimeException e) {
      sendError(exchange, ApiResponse.error(500, "request", "local runtime error: " + e));
    }
  }

  /** The read-only views of the local topic and queues. */
  private static void show(HttpExchange exchange, Supplier<Object> view) throws IOException {
    String method = exchange.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      sendError(
          exchange,
          ApiResponse.error(
                  405,
                  "method",
                  method
                      + " is not allowed on "
                      + exchange.getRequestURI().getRawPath()
                      + "; allowed: GET, HEAD")
              .withHeader("Allow", "GET, HEAD"));
      return;
    }
    send(exchange, 200, Map.of("Content-Type", JSON), Json.write(view.get()));
  }

  @SuppressWarnings("unchecked")
  private void proxy(HttpExchange exchange, String rawId) throws IOException {
    byte[] bytes = readBody(exchange.getRequestBody());
    if (bytes == null) {
      sendError(
          exchange,
          ApiResponse.error(
              413, "body", "the body must be at most " + TransactionApi.MAX_BODY_BYTES + " bytes"));
      return;
    }
    // decoded as API Gateway does for a text body: undecodable bytes become U+FFFD
    String body = bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8);
    Map<String, Object> event = events.event(exchange, rawId, body);
    Map<String, Object> response;
    try {
      invocations.acquire();
      try {
        response = Json.readObject(processor.invoke(Json.writeBytes(event)));
      } finally {
        invocations.release();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sendError(exchange, ApiResponse.error(503, "request", "the local API is stopping"));
      return;
    } catch (RuntimeException e) {
      // what API Gateway answers when the integration fails; the function logged its error
      System.err.println("processor invocation failed: " + e);
      sendError(exchange, ApiResponse.error(502, "request", "the processor function failed"));
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

  private static void sendError(HttpExchange exchange, ApiResponse error) throws IOException {
    send(exchange, error.statusCode(), error.headers(), error.body());
  }

  /** Sends the response; for HEAD, its headers and length only. */
  private static void send(
      HttpExchange exchange, int status, Map<String, String> headers, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    if (exchange.getRequestMethod().equals("HEAD")) {
      // the JDK server wants -1 for HEAD and warns otherwise; the length goes in as a header
      exchange.getResponseHeaders().set("Content-Length", Integer.toString(bytes.length));
      exchange.sendResponseHeaders(status, -1);
      return;
    }
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
