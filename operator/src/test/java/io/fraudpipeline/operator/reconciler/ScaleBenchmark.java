package io.fraudpipeline.operator.reconciler;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fraudpipeline.api.v1alpha1.ConditionTypes;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.runtime.OperatorMetrics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scale benchmark, not a test: N pipelines (38 MRs each) against the fabric8 mock server with a
 * simulated provider, both in a {@link ClusterProcess} of their own, and the operator in this JVM,
 * so this process's heap, RSS and CPU are the operator's. Prints one table row per N.
 *
 * <p>{@code mvn -B -q -pl operator test-compile exec:exec@scale-benchmark -Dbench.sizes=100,500}
 */
public final class ScaleBenchmark {

  private static final String OPERATOR_AGENT = "fraud-pipeline-operator";
  private static final Duration RESYNC = Duration.ofSeconds(20);

  public static void main(String[] args) throws Exception {
    ((ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    int[] sizes =
        Arrays.stream(System.getProperty("bench.sizes", "100,500").split(","))
            .map(String::trim)
            .mapToInt(Integer::parseInt)
            .toArray();
    String concurrency = System.getProperty("bench.concurrency", "5");
    System.out.printf(
        "RECONCILE_CONCURRENCY=%s, resync every %ss, %d cores, operator JVM max heap %d MB,"
            + " load average %.1f%n",
        concurrency,
        RESYNC.toSeconds(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.println(
        "| pipelines | MRs | all Ready (s) | operator reads / pipeline | operator writes / pipeline"
            + " | writes per steady resync | restart to steady (s) / writes"
            + " | operator heap after GC (MB) | operator RSS (MB) | MRs as JSON: stored → cached (MB)"
            + " | CPU until all Ready: operator / cluster process (s) | CPU in reconcile (s) |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
    String jfr = System.getProperty("bench.jfr", "");
    try (var recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"))) {
      if (!jfr.isEmpty()) {
        recording.start(); // the operator's JVM only; jfr print reads it
      }
      for (int n : sizes) {
        run(n, concurrency);
      }
      if (!jfr.isEmpty()) {
        recording.dump(Path.of(jfr));
      }
    }
    System.exit(0);
  }

  private static void run(int n, String concurrency) throws Exception {
    boolean histogram = Boolean.getBoolean("bench.histogram");
    try (Cluster cluster = Cluster.start();
        KubernetesClient client =
            new KubernetesClientBuilder()
                .withConfig(
                    new ConfigBuilder()
                        .withMasterUrl(cluster.url)
                        .withTrustCerts(true)
                        .withHttp2Disable(true) // as the mock server's own clients
                        .withUserAgent("benchmark")
                        .build())
                .build()) {
      // this JVM with its client, before any operator
      Map<String, Long> baseline = heapHistogram();
      reconcileCpuNanos.set(0);
      OperatorHarness harness =
          new OperatorHarness(
              client,
              RESYNC,
              Map.of("RECONCILE_CONCURRENCY", concurrency),
              OPERATOR_AGENT,
              ScaleBenchmark::measured);

      long start = System.nanoTime();
      long cpuBefore = processCpuNanos();
      Stats before = cluster.stats();
      for (int i = 0; i < n; i++) {
        client.resource(pipeline(i)).create();
      }
      long deadline = start + TimeUnit.MINUTES.toNanos(Long.getLong("bench.minutes", 10));
      long nextProgress = start + TimeUnit.SECONDS.toNanos(30);
      while (harness.metrics.pipelinesWith(ConditionTypes.READY) < n
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
        if (System.nanoTime() > nextProgress) {
          nextProgress += TimeUnit.SECONDS.toNanos(30);
          System.err.printf(
              "  %d: %.0f s, %.0f Ready%n",
              n,
              (System.nanoTime() - start) / 1e9,
              harness.metrics.pipelinesWith(ConditionTypes.READY));
        }
      }
      double readySeconds = (System.nanoTime() - start) / 1e9;
      double operatorCpu = (processCpuNanos() - cpuBefore) / 1e9;
      Stats ready = cluster.stats();
      System.err.println("  operator JVM CPU by live thread group (s): " + cpuByThreadGroup());
      double reconcileCpu = reconcileCpuNanos.get() / 1e9;
      long readyCount = (long) harness.metrics.pipelinesWith(ConditionTypes.READY);

      // steady state: every pipeline passes through a resync at least once more
      long passes = harness.reconciler.reconciliations();
      long resyncDeadline = System.nanoTime() + RESYNC.multipliedBy(4).toNanos();
      while (harness.reconciler.reconciliations() < passes + n
          && System.nanoTime() < resyncDeadline) {
        Thread.sleep(200);
      }
      Stats steady = cluster.stats();
      if (steady.writes > ready.writes) {
        System.err.println("  writes in the steady state: " + steady.lastWrites);
      }
      harness.close();
      harness = null;

      // a fresh operator on the same cluster: its heap in steady state, and it writes nothing
      long restart = System.nanoTime();
      Stats beforeRestart = cluster.stats();
      OperatorHarness fresh =
          new OperatorHarness(
              client,
              RESYNC,
              Map.of("RECONCILE_CONCURRENCY", concurrency),
              OPERATOR_AGENT,
              (ssa, clock, recheck, metrics) ->
                  new FraudPipelineReconciler(
                      ssa, clock, FraudPipelineReconciler.CRD_RECHECK, metrics));
      long nextRestartProgress = restart + TimeUnit.SECONDS.toNanos(30);
      while ((fresh.metrics.pipelinesWith(ConditionTypes.READY) < n
              || fresh.reconciler.reconciliations() < n)
          && System.nanoTime() < restart + TimeUnit.MINUTES.toNanos(3)) {
        Thread.sleep(100);
        if (System.nanoTime() > nextRestartProgress) {
          nextRestartProgress += TimeUnit.SECONDS.toNanos(30);
          System.err.printf(
              "  restart: %.0f s, %.0f Ready, %d passes%n",
              (System.nanoTime() - restart) / 1e9,
              fresh.metrics.pipelinesWith(ConditionTypes.READY),
              fresh.reconciler.reconciliations());
        }
      }
      double restartSeconds = (System.nanoTime() - restart) / 1e9;
      long restartWrites = cluster.stats().writes - beforeRestart.writes;
      Map<String, Long> withOperator = heapHistogram();
      long operatorHeap = liveBytes(withOperator) - liveBytes(baseline);
      long rss = rssMb();
      if (histogram) {
        System.err.println("  operator's heap by class (MB):");
        printLargestDifferences(withOperator, baseline, 15);
      }
      fresh.close();
      String[] census = cluster.ask("census").split(" ");
      System.out.printf(
          "| %d | %s | %.1f%s | %.1f | %.1f | %d | %.1f / %d | %d | %d | %.0f → %.0f | %.0f / %.0f"
              + " | %.1f |%n",
          n,
          census[1],
          readySeconds,
          readyCount < n ? " (only " + readyCount + " Ready)" : "",
          (double) (ready.reads - before.reads) / n,
          (double) (ready.writes - before.writes) / n,
          steady.writes - ready.writes,
          restartSeconds,
          restartWrites,
          operatorHeap >> 20,
          rss,
          Long.parseLong(census[2]) / 1e6,
          Long.parseLong(census[3]) / 1e6,
          operatorCpu,
          (ready.cpuNanos - before.cpuNanos) / 1e9,
          reconcileCpu);
      if (Boolean.getBoolean("bench.paths")) {
        System.out.println(
            "    " + cluster.ask("paths").substring("paths ".length()).replace(" ; ", "\n    "));
      }
    }
  }

  /** What the cluster process counted so far. */
  private record Stats(long reads, long writes, long busyNanos, long cpuNanos, String lastWrites) {
    static Stats parse(String line) {
      String[] f = line.split(" ", 6);
      return new Stats(
          Long.parseLong(f[1]),
          Long.parseLong(f[2]),
          Long.parseLong(f[3]),
          Long.parseLong(f[4]),
          f.length > 5 ? f[5] : "");
    }
  }

  /** The {@link ClusterProcess}, started with this JVM's class path, and its command line. */
  private static final class Cluster implements AutoCloseable {
    final String url;
    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;

    private Cluster(Process process) throws IOException {
      this.process = process;
      this.out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
      this.url = answer("url").substring("url ".length());
    }

    static Cluster start() throws IOException {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx" + System.getProperty("bench.clusterXmx", "3g"));
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      for (String property : List.of("project.root")) {
        if (System.getProperty(property) != null) {
          command.add("-D" + property + "=" + System.getProperty(property));
        }
      }
      command.add(ClusterProcess.class.getName());
      command.add(OPERATOR_AGENT);
      return new Cluster(
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    Stats stats() throws IOException {
      return Stats.parse(ask("stats"));
    }

    String ask(String command) throws IOException {
      in.println(command);
      return answer(command);
    }

    /** The next line of the process's stdout that starts with the command's word, whole. */
    private String answer(String word) throws IOException {
      for (String line; (line = out.readLine()) != null; ) {
        if (line.startsWith(word + " ")) {
          return line;
        }
      }
      throw new IOException("the cluster process ended before answering " + word);
    }

    @Override
    public void close() throws InterruptedException {
      in.println("quit");
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  /** CPU time spent in reconcile passes: the operator's own work, without waiting on the mock. */
  private static final AtomicLong reconcileCpuNanos = new AtomicLong();

  private static FraudPipeline pipeline(int i) {
    FraudPipeline p = Fixtures.pipeline("seed");
    p.getMetadata().setName(String.format("p%04d", i));
    p.getMetadata().setNamespace("team-" + (i % 10));
    p.getSpec().setEnvironmentSuffix("b" + i);
    return p;
  }

  private static FraudPipelineReconciler measured(
      boolean ssa, java.time.Clock clock, Duration recheck, OperatorMetrics metrics) {
    // the production recheck of provider CRDs, not the tests' short one
    return new FraudPipelineReconciler(ssa, clock, FraudPipelineReconciler.CRD_RECHECK, metrics) {
      @Override
      public io.javaoperatorsdk.operator.api.reconciler.UpdateControl<FraudPipeline> reconcile(
          FraudPipeline pipeline,
          io.javaoperatorsdk.operator.api.reconciler.Context<FraudPipeline> context) {
        long start = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        try {
          return super.reconcile(pipeline, context);
        } finally {
          reconcileCpuNanos.addAndGet(
              ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - start);
        }
      }
    };
  }

  /**
   * Bytes of live objects: the class histogram's total (it collects first and counts reachable
   * objects only, so the operator's allocation between a GC and a reading of "heap used" does not
   * count).
   */
  private static long liveBytes(Map<String, Long> histogram) {
    return histogram.values().stream().mapToLong(Long::longValue).sum();
  }

  private static Map<String, Long> heapHistogram() throws Exception {
    String histogram =
        (String)
            ManagementFactory.getPlatformMBeanServer()
                .invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "gcClassHistogram",
                    new Object[] {new String[0]},
                    new String[] {String[].class.getName()});
    Map<String, Long> bytes = new java.util.HashMap<>();
    histogram
        .lines()
        .map(String::trim)
        .filter(l -> l.matches("\\d+:.*"))
        .map(l -> l.split("\\s+"))
        .forEach(f -> bytes.merge(f[3], Long.parseLong(f[2]), Long::sum));
    return bytes;
  }

  private static void printLargestDifferences(
      Map<String, Long> with, Map<String, Long> without, int lines) {
    with.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - without.getOrDefault(e.getKey(), 0L)))
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(lines)
        .forEach(e -> System.err.printf("    %8.1f %s%n", e.getValue() / 1e6, e.getKey()));
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * CPU seconds of this process's live threads by name, digits dropped (from /proc: JIT compiler
   * and GC threads included, which JFR's sampling does not see).
   */
  private static String cpuByThreadGroup() throws IOException {
    Map<String, Double> seconds = new java.util.TreeMap<>();
    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : tasks.toList()) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (IOException gone) {
          continue;
        }
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        double cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // clock ticks
        seconds.merge(name.replaceAll("[0-9]+", "#"), cpu, Double::sum);
      }
    }
    return seconds.entrySet().stream()
        .filter(e -> e.getValue() >= 0.5)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .map(e -> String.format("%s %.1f", e.getKey(), e.getValue()))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  private static long rssMb() throws java.io.IOException {
    List<String> status = Files.readAllLines(Path.of("/proc/self/status"));
    return status.stream()
            .filter(l -> l.startsWith("VmRSS:"))
            .map(l -> Long.parseLong(l.replaceAll("\\D", "")))
            .findFirst()
            .orElse(0L)
        >> 10;
  }
}
