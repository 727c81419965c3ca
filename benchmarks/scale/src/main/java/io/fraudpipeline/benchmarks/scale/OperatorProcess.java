package io.fraudpipeline.benchmarks.scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator as the chart runs it, in a JVM of its own: the shaded jar's {@code run} command, the
 * environment the chart sets from its values.yaml defaults (SSA on, leader election on, five
 * reconciles at a time, JSON logs at INFO), the JVM the chart's container limits give it ({@link
 * #chartJvmOptions}), and a kubeconfig of the operator's own user. Only the resync is shorter, so
 * three of them fit in the run.
 */
final class OperatorProcess implements AutoCloseable {

  static final String USER = "fraud-pipeline-operator";
  static final String NAMESPACE = "fraud-system";
  private static final int START_ATTEMPTS = 3;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final ChildProcess process;
  private final int port;

  private OperatorProcess(ChildProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /** The image's JAVA_OPTS (operator/Dockerfile), which the chart keeps by default. */
  static final List<String> IMAGE_JAVA_OPTS =
      List.of("-XX:MaxRAMPercentage=50.0", "-XX:+ExitOnOutOfMemoryError");

  /**
   * The JVM of the chart's container: its limits (1 CPU, 1 GiB) told to the JVM, since this process
   * runs without them, so its own ergonomics size it as in the pod (serial collector, 16 MB initial
   * and 512 MB largest heap), then the image's JAVA_OPTS.
   */
  static List<String> chartJvmOptions() {
    List<String> options = new ArrayList<>(List.of("-XX:MaxRAM=1g", "-XX:ActiveProcessorCount=1"));
    options.addAll(IMAGE_JAVA_OPTS);
    return List.copyOf(options);
  }

  /** The chart's environment of the operator container (values.yaml defaults). */
  static Map<String, String> chartEnvironment(String podName, Duration resync, int httpPort) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("WATCH_NAMESPACES", "");
    env.put("POD_NAMESPACE", NAMESPACE);
    env.put("HOSTNAME", podName);
    env.put("LOG_LEVEL", "INFO");
    env.put("LOG_FORMAT", "json");
    env.put("LEADER_ELECTION", "true");
    env.put("RECONCILE_CONCURRENCY", "5");
    env.put("RESYNC_PERIOD", resync.toSeconds() + "s");
    env.put("HTTP_PORT", Integer.toString(httpPort));
    return env;
  }

  /**
   * Starts the operator and waits until it is ready (its /readyz).
   *
   * @param jfr a file to record a JFR profile to until the process ends, or null
   */
  static OperatorProcess start(Path kubeconfig, String podName, Duration resync, Path log, Path jfr)
      throws Exception {
    int port = freePort();
    Map<String, String> env = chartEnvironment(podName, resync, port);
    env.put("KUBECONFIG", kubeconfig.toString());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(chartJvmOptions());
    if (jfr != null) {
      command.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
    }
    command.add("-jar");
    command.add(jar().toString());
    command.add("run");
    // as the kubelet restarts a container that exits: on a loaded machine the operator's 3 s
    // start-up probe of the server can time out
    for (int attempt = 1; ; attempt++) {
      OperatorProcess operator =
          new OperatorProcess(
              ChildProcess.start("operator-" + podName, command, env, attemptLog(log, attempt)),
              port);
      try {
        operator.awaitReady(Duration.ofSeconds(120));
        if (attempt > 1) {
          System.err.printf("scale: operator %s started at attempt %d%n", podName, attempt);
        }
        return operator;
      } catch (IllegalStateException e) {
        operator.close();
        if (attempt == START_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private static Path attemptLog(Path log, int attempt) {
    return attempt == 1 ? log : log.resolveSibling(log.getFileName() + "." + attempt);
  }

  /** The shaded operator jar of this checkout (the build's, the one the image carries). */
  static Path jar() throws IOException {
    Path target = Repository.root().resolve("operator/target");
    try (DirectoryStream<Path> jars =
        Files.newDirectoryStream(target, "fraud-pipeline-operator-*.jar")) {
      for (Path jar : jars) {
        String name = jar.getFileName().toString();
        if (!name.contains("-tests") && !name.contains("-sources")) {
          return jar;
        }
      }
    }
    throw new IllegalStateException(
        "no operator jar in " + target + ": build it first (see README)");
  }

  long pid() {
    return process.pid();
  }

  private void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the operator exited; see " + process.log());
      }
      try {
        if (get("/readyz").statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        "the operator was not ready in " + timeout + "; see " + process.log());
  }

  /** Reconcile passes that ended with the pipeline Ready, from the operator's own /metrics. */
  long readyReconciles() throws IOException, InterruptedException {
    return readyReconciles(get("/metrics").body());
  }

  static long readyReconciles(String prometheusText) {
    double sum = 0;
    for (String line : prometheusText.split("\n")) {
      if (line.startsWith("fraudpipeline_reconcile_duration_seconds_count{")
          && line.contains("result=\"ready\"")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return (long) sum;
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SIGTERM: the operator's graceful shutdown releases its lease. */
  @Override
  public void close() throws InterruptedException {
    process.close();
  }
}
