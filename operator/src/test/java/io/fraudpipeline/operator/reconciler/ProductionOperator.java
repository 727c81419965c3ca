package io.fraudpipeline.operator.reconciler;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fraudpipeline.operator.metrics.OperatorMetrics;
import io.fraudpipeline.operator.runtime.GracefulShutdown;
import io.fraudpipeline.operator.runtime.InstalledBackends;
import io.fraudpipeline.operator.runtime.OperatorEndpoints;
import io.fraudpipeline.operator.runtime.OperatorRunner;
import io.fraudpipeline.operator.runtime.OperatorSettings;
import io.javaoperatorsdk.operator.Operator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The operator as the chart runs it (leader election on, the chart's settings, its HTTP endpoints
 * on a free port), on a real API server with a client of its own. Only the resync and a stalled
 * pipeline's second look are shorter, so tests see several.
 */
final class ProductionOperator implements AutoCloseable {

  /** The chart's environment for the operator container (values.yaml defaults). */
  static Map<String, String> chartEnvironment(String podNamespace, String podName) {
    Map<String, String> env = new HashMap<>();
    env.put("WATCH_NAMESPACES", "");
    env.put("POD_NAMESPACE", podNamespace);
    env.put("HOSTNAME", podName);
    env.put("LOG_LEVEL", "info");
    env.put("LOG_FORMAT", "text");
    env.put("LEADER_ELECTION", "true");
    env.put("RECONCILE_CONCURRENCY", "5");
    env.put("RESYNC_PERIOD", "10m");
    return env;
  }

  /** What the reconciler is made from; a test may hold it up to catch a pass in flight. */
  interface ReconcilerFactory {
    FraudPipelineReconciler create(Clock clock, Duration recheck, OperatorMetrics metrics);
  }

  /** The chart's environment for an operator watching one namespace, with its Lease there. */
  static Map<String, String> watchingOnly(String namespace) {
    Map<String, String> env = chartEnvironment(namespace, "operator-" + namespace);
    env.put("WATCH_NAMESPACES", namespace);
    return env;
  }

  final KubernetesClient client;
  final OperatorMetrics metrics = new OperatorMetrics();
  final Operator operator;
  final FraudPipelineReconciler reconciler;
  final OperatorEndpoints endpoints;
  final GracefulShutdown shutdown;

  /** How often this replica was told it lost the lease (its exit, in production). */
  final AtomicInteger leadershipLosses = new AtomicInteger();

  ProductionOperator(Config config, Map<String, String> env, Duration resync) throws IOException {
    this(
        config,
        env,
        resync,
        (clock, recheck, metrics) ->
            new FraudPipelineReconciler(
                InstalledBackends.all(),
                clock,
                recheck,
                OperatorSettings.fromEnvironment(env).deletionStuckAfter(),
                metrics));
  }

  ProductionOperator(
      Config config, Map<String, String> env, Duration resync, ReconcilerFactory reconcilers)
      throws IOException {
    client = new KubernetesClientBuilder().withConfig(OperatorRunner.withUserAgent(config)).build();
    OperatorSettings settings = OperatorSettings.fromEnvironment(env);
    reconciler = reconcilers.create(Clock.systemUTC(), resync, metrics);
    shutdown = new GracefulShutdown(code -> leadershipLosses.incrementAndGet());
    operator =
        OperatorRunner.create(
            client,
            settings,
            reconciler,
            shutdown::lostLeadership,
            c -> c.withReconciliationMaxInterval(resync));
    endpoints =
        new OperatorEndpoints(0, operator.getRuntimeInfo(), metrics, reconciler::readinessProblems);
    operator.start();
  }

  /** What GET /readyz answers: the status code, then the body. */
  String readiness() throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + endpoints.port() + "/readyz"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }

  @Override
  public void close() {
    endpoints.close();
    shutdown.stop(operator);
    metrics.close();
    client.close();
  }
}
