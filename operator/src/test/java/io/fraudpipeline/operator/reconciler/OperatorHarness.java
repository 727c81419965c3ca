package io.fraudpipeline.operator.reconciler;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fraudpipeline.operator.metrics.OperatorMetrics;
import io.fraudpipeline.operator.runtime.GracefulShutdown;
import io.fraudpipeline.operator.runtime.InstalledBackends;
import io.fraudpipeline.operator.runtime.OperatorRunner;
import io.fraudpipeline.operator.runtime.OperatorSettings;
import io.javaoperatorsdk.operator.Operator;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The operator as deployed, but against the mock cluster: SSA off, short resync for tests. */
public final class OperatorHarness implements AutoCloseable {

  final FraudPipelineReconciler reconciler;
  public final Operator operator;
  public final OperatorMetrics metrics = new OperatorMetrics();
  public final GracefulShutdown shutdown;

  /** How often this instance was told it lost the lease (its exit, in production). */
  public final AtomicInteger leadershipLosses = new AtomicInteger();

  private final KubernetesClient client;

  OperatorHarness(MockCluster cluster, Duration resync) {
    this(cluster, resync, Map.of(), null);
  }

  /**
   * @param env settings on top of the test defaults (SSA off, no leader election)
   * @param userAgent when set, this instance talks through its own client with this user agent, so
   *     its requests can be told apart on the mock server
   */
  OperatorHarness(MockCluster cluster, Duration resync, Map<String, String> env, String userAgent) {
    this(
        cluster,
        resync,
        env,
        userAgent,
        (ssa, clock, recheck, metrics) ->
            new FraudPipelineReconciler(InstalledBackends.all(), ssa, clock, recheck, metrics));
  }

  /** What the reconciler is made from; tests may slow it down to catch it in flight. */
  public interface ReconcilerFactory {
    FraudPipelineReconciler create(
        boolean serverSideApply, Clock clock, Duration recheck, OperatorMetrics metrics);
  }

  public OperatorHarness(
      MockCluster cluster,
      Duration resync,
      Map<String, String> env,
      String userAgent,
      ReconcilerFactory reconcilers) {
    this(cluster.client, resync, env, userAgent, reconcilers);
  }

  /** Against any API server {@code base} talks to (the scale benchmark's cluster process). */
  OperatorHarness(
      KubernetesClient base,
      Duration resync,
      Map<String, String> env,
      String userAgent,
      ReconcilerFactory reconcilers) {
    Map<String, String> settingsEnv = new HashMap<>();
    settingsEnv.put("SERVER_SIDE_APPLY", "false");
    settingsEnv.put("LEADER_ELECTION", "false");
    settingsEnv.put("SHUTDOWN_TIMEOUT", "10s");
    settingsEnv.putAll(env);
    OperatorSettings settings = OperatorSettings.fromEnvironment(settingsEnv);
    client =
        userAgent == null
            ? null
            : new KubernetesClientBuilder()
                .withConfig(
                    new ConfigBuilder(base.getConfiguration()).withUserAgent(userAgent).build())
                .build();
    reconciler = reconcilers.create(false, Clock.systemUTC(), Duration.ofMillis(500), metrics);
    shutdown = new GracefulShutdown(code -> leadershipLosses.incrementAndGet());
    operator =
        OperatorRunner.create(
            client == null ? base : client,
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
    if (client != null) {
      client.close();
    }
  }
}
