package io.fraudpipeline.operator.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fraudpipeline.operator.metrics.OperatorMetrics;
import io.fraudpipeline.operator.reconciler.FraudPipelineReconciler;
import io.fraudpipeline.operator.runtime.GracefulShutdown;
import io.fraudpipeline.operator.runtime.OperatorEndpoints;
import io.fraudpipeline.operator.runtime.OperatorRunner;
import io.fraudpipeline.operator.runtime.OperatorSettings;
import io.javaoperatorsdk.operator.Operator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code run}: the operator, configured from the environment (see {@link OperatorSettings}). A bad
 * setting exits with code 2, an unreachable cluster or a failed start with code 1, each with one
 * line on stderr.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Run the operator (the default). Configured by WATCH_NAMESPACES, LOG_LEVEL, LOG_FORMAT,"
            + " LEADER_ELECTION, POD_NAMESPACE, HTTP_PORT,"
            + " RECONCILE_CONCURRENCY, RESYNC_PERIOD, SHUTDOWN_TIMEOUT, LEASE_DURATION and"
            + " DELETION_STUCK_AFTER.")
public class RunCommand implements Callable<Integer> {

  private static final int PROBE_TIMEOUT_MS = 3_000;

  @Spec CommandSpec spec;

  private final Map<String, String> env;
  private final Supplier<Config> clientConfig;

  public RunCommand() {
    this(System.getenv(), () -> Config.autoConfigure(null));
  }

  RunCommand(Map<String, String> env, Supplier<Config> clientConfig) {
    this.env = env;
    this.clientConfig = clientConfig;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err =
        spec == null ? new PrintWriter(System.err, true) : spec.commandLine().getErr();
    OperatorSettings settings;
    try {
      settings = OperatorSettings.fromEnvironment(env);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return 2;
    }
    Logging.configure(settings.logLevel(), settings.logFormat());
    Config config;
    try {
      config = clientConfig.get();
    } catch (RuntimeException e) {
      return fail(err, "cannot load the Kubernetes client configuration (" + sources() + ")", e);
    }
    try (KubernetesClient probe = new KubernetesClientBuilder().withConfig(probe(config)).build()) {
      probe.getKubernetesVersion();
    } catch (RuntimeException e) {
      return fail(
          err,
          "cannot reach the Kubernetes API server at "
              + config.getMasterUrl()
              + " (from "
              + sources()
              + ")",
          e);
    }
    try (KubernetesClient client =
        new KubernetesClientBuilder().withConfig(OperatorRunner.withUserAgent(config)).build()) {
      OperatorMetrics metrics = new OperatorMetrics();
      FraudPipelineReconciler reconciler = OperatorRunner.reconciler(settings, metrics);
      GracefulShutdown shutdown = new GracefulShutdown(System::exit);
      Operator operator =
          OperatorRunner.create(client, settings, reconciler, shutdown::lostLeadership, c -> {});
      try (OperatorEndpoints endpoints =
          new OperatorEndpoints(
              settings.httpPort(),
              operator.getRuntimeInfo(),
              metrics,
              reconciler::readinessProblems)) {
        try {
          operator.start();
        } catch (RuntimeException e) {
          return fail(err, "cannot start the operator", e);
        }
        shutdown.install(operator);
        // the shutdown hook ends the process; this thread has nothing more to do
        new CountDownLatch(1).await();
      } catch (IOException e) {
        return fail(err, "cannot serve HTTP_PORT " + settings.httpPort(), e);
      }
    }
    return 0;
  }

  /** The same server, asked once and briefly: a start without a cluster fails within seconds. */
  private static Config probe(Config config) {
    return new ConfigBuilder(config)
        .withRequestRetryBackoffLimit(0)
        .withConnectionTimeout(PROBE_TIMEOUT_MS)
        .withRequestTimeout(PROBE_TIMEOUT_MS)
        .build();
  }

  /** Where the client configuration was looked for, in the client's order. */
  private String sources() {
    String kubeconfig = env.get("KUBECONFIG");
    Path path =
        kubeconfig != null && !kubeconfig.isBlank()
            ? Path.of(kubeconfig.split(java.io.File.pathSeparator)[0])
            : Path.of(System.getProperty("user.home"), ".kube", "config");
    String host = env.get("KUBERNETES_SERVICE_HOST");
    return "kubeconfig "
        + path
        + (Files.isRegularFile(path) ? "" : " (missing)")
        + ", in-cluster "
        + (host == null || host.isBlank()
            ? "no (KUBERNETES_SERVICE_HOST unset)"
            : "KUBERNETES_SERVICE_HOST=" + host);
  }

  /** One line: what failed and the causes' messages, no stack trace. */
  private static int fail(PrintWriter err, String what, Throwable e) {
    StringBuilder line = new StringBuilder("error: ").append(what);
    String last = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      message = message.lines().findFirst().orElse("");
      if (!message.isBlank() && (last == null || !last.contains(message))) {
        line.append(": ").append(message);
        last = message;
      }
    }
    err.println(line);
    err.flush();
    return 1;
  }
}
