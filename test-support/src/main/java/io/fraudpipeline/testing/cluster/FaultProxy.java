package io.fraudpipeline.testing.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.internal.SSLUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * An HTTP proxy between a client and the real kube-apiserver that fails chosen requests: on a
 * method and path pattern it answers with a status (500, 409, 429 with Retry-After) a number of
 * times instead of forwarding, and it can cut every open watch. The client talks plain HTTP to the
 * proxy; the proxy talks TLS to the server with the identity (client certificate) of the
 * configuration it was given, so the server's audit log names that user.
 */
public final class FaultProxy implements AutoCloseable {

  /** Request headers the JDK client sets itself or that end at this hop. */
  private static final Set<String> HOP_HEADERS =
      Set.of(
          "connection",
          "content-length",
          "expect",
          "host",
          "keep-alive",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "proxy-connection",
          "http2-settings");

  private final URI upstream;
  private final HttpClient client;
  private final HttpServer server;
  private final ExecutorService handlers = Executors.newCachedThreadPool(FaultProxy::daemon);
  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final Map<HttpExchange, InputStream> openWatches = new ConcurrentHashMap<>();

  /** One fault: the next {@code times} requests matching it get this answer. */
  private record Rule(
      String method, Pattern path, int code, String retryAfter, AtomicInteger remaining) {

    boolean takes(String requestMethod, String requestPath) {
      return method.equalsIgnoreCase(requestMethod)
          && path.matcher(requestPath).matches()
          && remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }
  }

  private FaultProxy(Config upstreamConfig) throws IOException {
    this.upstream = URI.create(upstreamConfig.getMasterUrl().replaceAll("/+$", ""));
    try {
      this.client =
          HttpClient.newBuilder()
              .sslContext(SSLUtils.sslContext(upstreamConfig))
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(10))
              .executor(handlers)
              .build();
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalArgumentException(
          "cannot use the TLS settings of " + upstreamConfig.getMasterUrl(), e);
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setExecutor(handlers);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * A proxy to the server of this configuration (its URL, CA and client certificate), listening on
   * a free loopback port.
   */
  public static FaultProxy start(Config upstreamConfig) {
    try {
      return new FaultProxy(upstreamConfig);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A client configuration that talks to the server through this proxy. */
  public Config clientConfig() {
    return new ConfigBuilder(Config.empty())
        .withMasterUrl("http://127.0.0.1:" + server.getAddress().getPort())
        .withNamespace("default")
        .withRequestTimeout(30_000)
        .withConnectionTimeout(10_000)
        .build();
  }

  /**
   * The next {@code times} requests of this method whose path (without the query) matches the
   * pattern are answered with this status code and a Kubernetes Status, not forwarded.
   */
  public void fail(String method, String pathPattern, int code, int times) {
    rules.add(new Rule(method, Pattern.compile(pathPattern), code, null, new AtomicInteger(times)));
  }

  /** As {@link #fail}, with 429 Too Many Requests and a Retry-After of this many seconds. */
  public void tooManyRequests(String method, String pathPattern, int retryAfterSeconds, int times) {
    rules.add(
        new Rule(
            method,
            Pattern.compile(pathPattern),
            429,
            Integer.toString(retryAfterSeconds),
            new AtomicInteger(times)));
  }

  /** Drops every fault not served yet: from now on each request is forwarded. */
  public void heal() {
    rules.clear();
  }

  /** Whether every fault added has been served as many times as asked. */
  public boolean faultsServed() {
    return rules.stream().allMatch(r -> r.remaining().get() == 0);
  }

  /** Cuts every open watch, as a restarting server or load balancer does; returns how many. */
  public int dropWatches() {
    int dropped = 0;
    for (var watch : List.copyOf(openWatches.entrySet())) {
      if (openWatches.remove(watch.getKey()) != null) {
        closeQuietly(watch.getValue());
        watch.getKey().close();
        dropped++;
      }
    }
    return dropped;
  }

  /** Every request received, as "METHOD /path" (without the query), in order. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    requests.add(method + " " + path);
    try (exchange) {
      if (exchange.getRequestHeaders().containsKey("Upgrade")) {
        // no WebSocket here: a 200 makes the client fall back to a streamed HTTP watch
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      for (Rule rule : rules) {
        if (rule.takes(method, path)) {
          injected(exchange, rule);
          return;
        }
      }
      forward(exchange, method, path, query);
    }
  }

  private void forward(HttpExchange exchange, String method, String path, String query)
      throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(upstream + path + (query == null ? "" : "?" + query)))
            .method(
                method,
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
              }
            });
    HttpResponse<InputStream> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    boolean watch = query != null && (query.contains("watch=true") || query.contains("watch=1"));
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              String lower = name.toLowerCase(Locale.ROOT);
              if (!lower.equals("content-length")
                  && !lower.equals("transfer-encoding")
                  && !lower.equals("connection")) {
                exchange.getResponseHeaders().put(name, new ArrayList<>(values));
              }
            });
    // HttpServer's lengths: 0 streams the body chunked, -1 sends none
    long length = response.headers().firstValueAsLong("content-length").orElse(0);
    if (length == 0 && response.headers().firstValue("content-length").isPresent()) {
      length = -1;
    }
    try (InputStream in = response.body()) {
      if (watch) {
        openWatches.put(exchange, in);
      }
      exchange.sendResponseHeaders(response.statusCode(), watch ? 0 : length);
      copy(in, exchange.getResponseBody(), watch);
    } catch (IOException e) {
      // the client went away, or the watch was cut
    } finally {
      openWatches.remove(exchange);
    }
  }

  private static void copy(InputStream in, OutputStream out, boolean flushEach) throws IOException {
    byte[] buffer = new byte[16 * 1024];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      out.write(buffer, 0, n);
      if (flushEach) {
        out.flush(); // a watch event must reach the client when the server sends it
      }
    }
    out.flush();
  }

  private static void injected(HttpExchange exchange, Rule rule) throws IOException {
    String reason =
        switch (rule.code()) {
          case 409 -> "Conflict";
          case 429 -> "TooManyRequests";
          default -> "InternalError";
        };
    byte[] status =
        ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":"
                + "\"injected by the fault proxy\",\"reason\":\""
                + reason
                + "\",\"code\":"
                + rule.code()
                + "}")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getRequestBody().readAllBytes();
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    if (rule.retryAfter() != null) {
      exchange.getResponseHeaders().set("Retry-After", rule.retryAfter());
    }
    exchange.sendResponseHeaders(rule.code(), status.length);
    exchange.getResponseBody().write(status);
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // closing is all that was wanted
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "fault-proxy");
    t.setDaemon(true);
    return t;
  }

  @Override
  public void close() {
    dropWatches();
    server.stop(0);
    handlers.shutdownNow();
  }
}
