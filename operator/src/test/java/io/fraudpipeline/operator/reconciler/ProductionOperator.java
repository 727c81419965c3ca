package io.fraudpipeline.operator.reconciler;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The operator as the chart runs it (SSA on, leader election on, the chart's settings), on a real
 * API server with a client of its own. Only the resync is shorter, so tests see several.
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
    env.put("SERVER_SIDE_APPLY", "true");
    env.put("LEADER_ELECTION", "true");
    env.put("RECONCILE_CONCURRENCY", "5");
    env.put("RESYNC_PERIOD", "10m");
    return env;
  }

  final KubernetesClient client;
  final OperatorMetrics metrics = new OperatorMetrics();
  final Operator operator;
  private final GracefulShutdown shutdown;

  ProductionOperator(Config config, Map<String, String> env, Duration resync) {
    client = new KubernetesClientBuilder().withConfig(config).build();
    OperatorSettings settings = OperatorSettings.fromEnvironment(env);
    FraudPipelineReconciler reconciler = OperatorRunner.reconciler(settings, metrics);
    shutdown = new GracefulShutdown(code -> {});
    operator =
        OperatorRunner.create(
            client,
            settings,
            reconciler,
            shutdown::lostLeadership,
            c -> c.withReconciliationMaxInterval(resync));
    operator.start();
  }

  @Override
  public void close() {
    shutdown.stop(operator);
    metrics.close();
    client.close();
  }
}
