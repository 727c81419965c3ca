package io.fraudpipeline.operator.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fraudpipeline.operator.metrics.OperatorMetrics;
import io.javaoperatorsdk.operator.RuntimeInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The operator's HTTP endpoints on one port, as the chart expects them: {@code /livez} fails when a
 * started informer stayed unhealthy for {@link Liveness#PATIENCE} (its own retries did not help, a
 * restart may), {@code /readyz} succeeds once started with all informers healthy and every kind
 * readable (otherwise its body says which permission is missing or which watch is not synced, and
 * Kubernetes shows it in the probe's event), {@code /metrics} is the Prometheus text exposition.
 */
public final class OperatorEndpoints implements AutoCloseable {

  private static final String TEXT = "text/plain; charset=utf-8";
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;

  public OperatorEndpoints(int port, RuntimeInfo runtime, OperatorMetrics metrics)
      throws IOException {
    this(port, runtime, metrics, List::of);
  }

  /**
   * @param accessProblems what the operator may not read, one line each (see {@link
   *     io.fraudpipeline.operator.reconciler.FraudPipelineReconciler#accessProblems})
   */
  public OperatorEndpoints(
      int port, RuntimeInfo runtime, OperatorMetrics metrics, Supplier<List<String>> accessProblems)
      throws IOException {
    this(
        port,
        new Liveness(runtime::isStarted, runtime::allEventSourcesAreHealthy, Clock.systemUTC())
            ::live,
        () -> runtime.isStarted() && runtime.allEventSourcesAreHealthy(),
        () -> {
          List<String> problems = new ArrayList<>(accessProblems.get());
          if (problems.isEmpty() && runtime.isStarted()) {
            // say which watch is unhealthy, not just that one is
            runtime
                .unhealthyEventSources()
                .forEach(
                    (controller, sources) ->
                        sources.keySet().stream()
                            .sorted()
                            .forEach(name -> problems.add("watch " + name + " is not healthy")));
          }
          return problems;
        },
        metrics::scrape);
  }

  OperatorEndpoints(int port, BooleanSupplier live, BooleanSupplier ready, Supplier<String> metrics)
      throws IOException {
    this(port, live, ready, List::of, metrics);
  }

  private OperatorEndpoints(
      int port,
      BooleanSupplier live,
      BooleanSupplier ready,
      Supplier<List<String>> accessProblems,
      Supplier<String> metrics)
      throws IOException {
    server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext("/livez", exchange -> probe(exchange, live.getAsBoolean()));
    server.createContext(
        "/readyz",
        exchange -> {
          List<String> problems = accessProblems.get();
          if (problems.isEmpty()) {
            probe(exchange, ready.getAsBoolean());
          } else {
            send(exchange, 503, TEXT, "not ok: " + String.join("\n", problems) + "\n");
          }
        });
    server.createContext(
        "/metrics", exchange -> send(exchange, 200, PROMETHEUS_TEXT, metrics.get()));
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void probe(HttpExchange exchange, boolean ok) throws IOException {
    send(exchange, ok ? 200 : 503, TEXT, ok ? "ok\n" : "not ok\n");
  }

  private static void send(HttpExchange exchange, int code, String contentType, String text)
      throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(code, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
