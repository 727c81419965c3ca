package io.fraudpipeline.operator.reconciler;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.crossplane.CachedFields;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scale benchmark, not a test: N pipelines (38 MRs each) on the fabric8 mock server with a
 * simulated provider, the operator in the same JVM. Prints one table row per N.
 *
 * <p>{@code mvn -B -q -pl operator test-compile exec:java@scale-benchmark -Dbench.sizes=100,500}
 */
public final class ScaleBenchmark {

  private static final String OPERATOR_AGENT = "fraud-pipeline-operator";
  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
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
        "RECONCILE_CONCURRENCY=%s, resync every %ss, %d cores, max heap %d MB%n",
        concurrency,
        RESYNC.toSeconds(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    System.out.println(
        "| pipelines | MRs | all Ready (s) | operator reads / pipeline | operator writes / pipeline"
            + " | writes per steady resync | restart to steady (s) / writes | heap after GC, all (MB)"
            + " | operator's share (MB) | MRs as JSON: stored → cached (MB) | RSS (MB)"
            + " | mock server busy (s) | CPU in reconcile (s) |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (int n : sizes) {
      run(n, concurrency);
    }
    System.exit(0);
  }

  private static void run(int n, String concurrency) throws Exception {
    try (MockCluster cluster = new MockCluster(!Boolean.getBoolean("bench.stockStore"))) {
      cluster.installProviderCrds(k -> true);
      RequestCounter counter = new RequestCounter(cluster);
      counter.start();
      KubernetesClient providerClient =
          new KubernetesClientBuilder()
              .withConfig(
                  new ConfigBuilder(cluster.client.getConfiguration())
                      .withUserAgent("simulated-provider")
                      .build())
              .build();
      SimulatedProvider provider = new SimulatedProvider(providerClient);
      reconcileCpuNanos.set(0);
      OperatorHarness harness =
          new OperatorHarness(
              cluster,
              RESYNC,
              Map.of("RECONCILE_CONCURRENCY", concurrency),
              OPERATOR_AGENT,
              ScaleBenchmark::measured);

      long start = System.nanoTime();
      long busyBefore = cluster.dispatcher.busyNanos();
      for (int i = 0; i < n; i++) {
        cluster.create(pipeline(i));
      }
      long deadline = start + TimeUnit.MINUTES.toNanos(Long.getLong("bench.minutes", 10));
      long nextProgress = start + TimeUnit.SECONDS.toNanos(30);
      while (harness.metrics.pipelinesWith(Conditions.READY) < n && System.nanoTime() < deadline) {
        Thread.sleep(100);
        if (System.nanoTime() > nextProgress) {
          nextProgress += TimeUnit.SECONDS.toNanos(30);
          System.err.printf(
              "  %d: %.0f s, %.0f Ready, mock busy %.0f s%n",
              n,
              (System.nanoTime() - start) / 1e9,
              harness.metrics.pipelinesWith(Conditions.READY),
              (cluster.dispatcher.busyNanos() - busyBefore) / 1e9);
        }
      }
      double readySeconds = (System.nanoTime() - start) / 1e9;
      double mockBusy = (cluster.dispatcher.busyNanos() - busyBefore) / 1e9;
      double reconcileCpu = reconcileCpuNanos.get() / 1e9;
      long readyCount = (long) harness.metrics.pipelinesWith(Conditions.READY);
      long reads = counter.reads.get();
      long writes = counter.writes.get();

      // steady state: every pipeline passes through a resync at least once more
      long passes = harness.reconciler.reconciliations();
      long writesBefore = counter.writes.get();
      long resyncDeadline = System.nanoTime() + RESYNC.multipliedBy(4).toNanos();
      while (harness.reconciler.reconciliations() < passes + n
          && System.nanoTime() < resyncDeadline) {
        Thread.sleep(200);
      }
      long steadyWrites = counter.writes.get() - writesBefore;
      if (steadyWrites > 0) {
        System.err.println("  writes in the steady state: " + counter.lastWrites);
      }

      long rss = rssMb();
      MrCensus census = census(cluster);
      harness.close();
      harness = null;
      long heapWithoutOperator = heapAfterGc();

      // a fresh operator on the same cluster: its heap once in steady state is the operator's
      // share (the mock server and the simulated provider hold the rest); and it writes nothing
      long restart = System.nanoTime();
      long writesBeforeRestart = counter.writes.get();
      OperatorHarness fresh =
          new OperatorHarness(
              cluster, RESYNC, Map.of("RECONCILE_CONCURRENCY", concurrency), OPERATOR_AGENT);
      while ((fresh.metrics.pipelinesWith(Conditions.READY) < n
              || fresh.reconciler.reconciliations() < n)
          && System.nanoTime() < restart + TimeUnit.MINUTES.toNanos(3)) {
        Thread.sleep(100);
      }
      double restartSeconds = (System.nanoTime() - restart) / 1e9;
      long restartWrites = counter.writes.get() - writesBeforeRestart;
      long heapWithOperator = heapAfterGc();
      if (Boolean.getBoolean("bench.histogram")) {
        printHeapHistogram(30);
      }
      fresh.close();
      fresh = null;
      long heapAfterRestart = heapAfterGc();
      System.err.printf(
          "  heap after GC without operator: %d MB before the restart, %d MB after%n",
          heapWithoutOperator >> 20, heapAfterRestart >> 20);
      System.out.printf(
          "| %d | %d | %.1f%s | %.1f | %.1f | %d | %.1f / %d | %d | %d | %.0f → %.0f | %d | %.1f | %.1f |%n",
          n,
          census.count(),
          readySeconds,
          readyCount < n ? " (only " + readyCount + " Ready)" : "",
          (double) reads / n,
          (double) writes / n,
          steadyWrites,
          restartSeconds,
          restartWrites,
          heapWithOperator >> 20,
          (heapWithOperator - heapWithoutOperator) >> 20,
          census.storedBytes() / 1e6,
          census.cachedBytes() / 1e6,
          rss,
          mockBusy,
          reconcileCpu);
      if (Boolean.getBoolean("bench.paths")) {
        counter.paths.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(12)
            .forEach(e -> System.out.println("    " + e.getValue() + " " + e.getKey()));
      }
      provider.close();
      providerClient.close();
      counter.stop();
    }
  }

  /** The MRs in the cluster: how many, and their JSON size as stored and as the cache keeps it. */
  private record MrCensus(long count, long storedBytes, long cachedBytes) {}

  private static MrCensus census(MockCluster cluster) {
    long count = 0;
    long stored = 0;
    long cached = 0;
    for (var kind : io.fraudpipeline.operator.crossplane.CrossplaneKinds.all()) {
      for (var mr : cluster.client.resources(kind.type()).inAnyNamespace().list().getItems()) {
        count++;
        stored += Serialization.asJson(mr).length();
        cached += Serialization.asJson(CachedFields.pruned(mr)).length();
      }
    }
    return new MrCensus(count, stored, cached);
  }

  private static FraudPipeline pipeline(int i) {
    FraudPipeline p = Fixtures.pipeline("seed");
    p.getMetadata().setName(String.format("p%04d", i));
    p.getMetadata().setNamespace("team-" + (i % 10));
    p.getSpec().setEnvironmentSuffix("b" + i);
    return p;
  }

  /** CPU time spent in reconcile passes: the operator's own work, without waiting on the mock. */
  private static final AtomicLong reconcileCpuNanos = new AtomicLong();

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

  private static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** The JVM's live-object histogram (as {@code jcmd GC.class_histogram}), its first lines. */
  private static void printHeapHistogram(int lines) throws Exception {
    String histogram =
        (String)
            ManagementFactory.getPlatformMBeanServer()
                .invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "gcClassHistogram",
                    new Object[] {new String[0]},
                    new String[] {String[].class.getName()});
    histogram.lines().limit(lines + 3).forEach(l -> System.err.println("  " + l));
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

  /**
   * Drains the mock server's record of requests (it keeps every one otherwise) and counts the
   * operator's reads and writes.
   */
  private static final class RequestCounter {
    final AtomicLong reads = new AtomicLong();
    final AtomicLong writes = new AtomicLong();
    final Map<String, Long> paths = new java.util.concurrent.ConcurrentHashMap<>();
    final java.util.Deque<String> lastWrites = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final MockCluster cluster;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    RequestCounter(MockCluster cluster) {
      this.cluster = cluster;
      this.thread = new Thread(this::drain, "request-counter");
      thread.setDaemon(true);
    }

    void start() {
      thread.start();
    }

    void stop() throws InterruptedException {
      running.set(false);
      thread.join();
    }

    private void drain() {
      try {
        while (running.get()) {
          RecordedRequest r = cluster.server.takeRequest(100, TimeUnit.MILLISECONDS);
          if (r != null && OPERATOR_AGENT.equals(r.getHeader("User-Agent"))) {
            (WRITES.contains(r.getMethod()) ? writes : reads).incrementAndGet();
            if (WRITES.contains(r.getMethod())) {
              lastWrites.addLast(r.getMethod() + " " + r.getPath());
              if (lastWrites.size() > 5) {
                lastWrites.pollFirst();
              }
            }
            String shape =
                r.getMethod()
                    + " "
                    + r.getPath()
                        .replaceAll("\\?.*", "")
                        .replaceAll("/namespaces/[^/]+", "/namespaces/*")
                    + (r.getPath().contains("watch=true") ? " (watch)" : "");
            paths.merge(shape, 1L, Long::sum);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
