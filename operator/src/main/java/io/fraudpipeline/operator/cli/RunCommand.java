package io.fraudpipeline.operator.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fraudpipeline.operator.reconciler.FraudPipelineReconciler;
import io.fraudpipeline.operator.reconciler.HealthServer;
import io.fraudpipeline.operator.reconciler.OperatorRunner;
import io.fraudpipeline.operator.reconciler.OperatorSettings;
import io.javaoperatorsdk.operator.Operator;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

/** {@code run}: the operator, configured from the environment (see {@link OperatorSettings}). */
@Command(
    name = "run",
    description =
        "Run the operator (the default). Configured by WATCH_NAMESPACES, LOG_LEVEL, LOG_FORMAT,"
            + " SERVER_SIDE_APPLY, LEADER_ELECTION, POD_NAMESPACE, HTTP_PORT,"
            + " RECONCILE_CONCURRENCY and RESYNC_PERIOD.")
public class RunCommand implements Callable<Integer> {

  @Override
  public Integer call() throws Exception {
    OperatorSettings settings = OperatorSettings.fromEnvironment(System.getenv());
    Logging.configure(settings.logLevel(), settings.logFormat());
    KubernetesClient client = new KubernetesClientBuilder().build();
    FraudPipelineReconciler reconciler = OperatorRunner.reconciler(settings);
    Operator operator = OperatorRunner.create(client, settings, reconciler, c -> {});
    operator.installShutdownHook(Duration.ofSeconds(10));
    try (HealthServer health = new HealthServer(settings.httpPort(), operator.getRuntimeInfo())) {
      operator.start();
      new CountDownLatch(1).await();
    }
    return 0;
  }
}
