package io.fraudpipeline.benchmarks.load;

import io.fraudpipeline.dynalite.FraudTables;
import io.fraudpipeline.dynalite.TableDefinition;
import io.fraudpipeline.functions.model.FraudScore;
import io.fraudpipeline.functions.model.ScoringPayload;
import io.fraudpipeline.functions.model.Transaction;
import io.fraudpipeline.functions.store.DynamoDbScoreStore;
import io.fraudpipeline.functions.store.DynamoDbTransactionStore;
import io.fraudpipeline.functions.store.ScoreStore;
import io.fraudpipeline.functions.store.TransactionStore;
import io.fraudpipeline.local.LocalPipeline;
import io.fraudpipeline.local.LocalSettings;
import io.fraudpipeline.local.lambda.LocalFunction;
import io.fraudpipeline.local.scorer.AsyncInvocationSettings;
import io.fraudpipeline.local.stream.StreamMappingSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Load benchmark of the local pipeline: starts it in this process, posts a fixed number of
 * transactions from {@code --threads} client threads over loopback, and measures how fast they are
 * accepted and scored; then, in the same run and from the same number of threads, the raw rate of
 * the pair of requests a transaction costs at the least: the processor's conditional PutItem into a
 * transactions table and the scorer's into a fraud scores table, made by the functions' own stores
 * against the same Dynalite. That pair rate is the yardstick. Prints figures; asserts nothing.
 */
@Command(
    name = "load-benchmark",
    mixinStandardHelpOptions = true,
    description =
        "Measures the local pipeline's throughput against the raw rate of the pair of conditional"
            + " PutItems each transaction makes.")
public final class LoadBenchmark implements Callable<Integer> {

  @Option(names = "--transactions", description = "transactions to post (default ${DEFAULT-VALUE})")
  int transactions = 5000;

  @Option(names = "--threads", description = "client threads (default ${DEFAULT-VALUE})")
  int threads = 8;

  // C2 was still compiling the SDK's request path after 2,000: the measured run paid for it
  @Option(
      names = "--warmup",
      description = "transactions posted first, not measured (default ${DEFAULT-VALUE})")
  int warmup = 10000;

  @Option(names = "--batch-size", description = "spec.stream.batchSize (default ${DEFAULT-VALUE})")
  int batchSize = LocalSettings.DEFAULT_BATCH_SIZE;

  @Option(
      names = "--scorer-concurrency",
      description = "scorer invocations at once (default ${DEFAULT-VALUE})")
  int scorerConcurrency = LocalSettings.DEFAULT_SCORER_CONCURRENCY;

  @Option(
      names = "--http-threads",
      description = "threads serving the local API (default ${DEFAULT-VALUE})")
  int httpThreads = LocalSettings.DEFAULT_HTTP_THREADS;

  /** The target: scored end to end at least this share of the raw pair rate. */
  private static final double TARGET_SHARE = 0.6;

  private final PrintStream report;
  private final Map<String, Long> scoredAt = new ConcurrentHashMap<>();

  private LoadBenchmark(PrintStream report) {
    this.report = report;
  }

  public static void main(String[] args) {
    PrintStream report = System.out;
    // the functions' JSON log lines and the alerts would drown the figures: discard them (the
    // functions bind standard output when their classes load, so this comes first)
    System.setOut(new PrintStream(OutputStream.nullOutputStream()));
    System.exit(new CommandLine(new LoadBenchmark(report)).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (transactions < 1 || threads < 1 || warmup < 0 || transactions > 1_000_000) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--transactions 1..1000000, --threads >= 1, --warmup >= 0");
    }
    LocalSettings settings =
        LocalSettings.defaults()
            .withStream(
                new StreamMappingSettings(
                    batchSize,
                    LocalSettings.DEFAULT_MAXIMUM_RETRY_ATTEMPTS,
                    LocalSettings.DEFAULT_RETRY_DELAY,
                    Duration.ofSeconds(5)))
            .withScorer(
                new AsyncInvocationSettings(
                    scorerConcurrency,
                    AsyncInvocationSettings.LAMBDA_DEFAULT_RETRIES,
                    LocalSettings.DEFAULT_RETRY_DELAY))
            .withHttpThreads(httpThreads);
    try (LocalPipeline pipeline =
        LocalPipeline.start(
            settings, this::recordingScores, new PrintStream(OutputStream.nullOutputStream()))) {
      URI endpoint = pipeline.baseUri().resolve("/transactions");
      report.printf(
          "local pipeline on %s, Dynalite on port %d; %d client threads, %d HTTP threads, batch"
              + " size %d, scorer concurrency %d%n",
          endpoint, pipeline.dynalite().port(), threads, httpThreads, batchSize, scorerConcurrency);

      double loadAtStart = loadAverage();
      if (warmup > 0) {
        runLoad(endpoint, "warm", warmup);
      }
      CpuTimes beforeLoad = CpuTimes.now();
      Map<String, Long> threadsBefore = ThreadCpu.byPart();
      LoadResult load = runLoad(endpoint, "run", transactions);
      Map<String, Long> threadsAfter = ThreadCpu.byPart();
      // the generator's threads have ended by now: they reported their own CPU time
      threadsAfter.merge(ThreadCpu.LOAD_GENERATOR, load.generatorCpuNanos, Long::sum);
      CpuTimes afterLoad = CpuTimes.now();
      long rawPairs = rawPairRate(pipeline);
      CpuTimes afterRaw = CpuTimes.now();

      double accepted = load.count / seconds(load.lastAccepted - load.start);
      double scored = load.count / seconds(load.lastScored - load.start);
      double target = TARGET_SHARE * rawPairs;
      report.printf("transactions          %d (after %d warm-up)%n", load.count, warmup);
      report.printf(
          "machine               %d cores, load average %.1f at start, %.1f at end%n",
          Runtime.getRuntime().availableProcessors(), loadAtStart, loadAverage());
      report.printf("accepted              %.0f tx/s%n", accepted);
      report.printf("scored end to end     %.0f tx/s%n", scored);
      report.printf(
          "POST latency          p50 %.1f ms, p99 %.1f ms%n",
          percentile(load.postLatencies, 50), percentile(load.postLatencies, 99));
      report.printf(
          "POST to stored score  p50 %.1f ms, p99 %.1f ms%n",
          percentile(load.scoreLatencies, 50), percentile(load.scoreLatencies, 99));
      report.printf(
          "raw put pair          %d pairs/s (%d threads; per pair one conditional PutItem into each"
              + " table, by the functions' stores, same Dynalite)%n",
          rawPairs, threads);
      report.printf(
          "CPU per transaction   JVM %.2f ms, Dynalite (node) %.2f ms%n",
          afterLoad.jvmMillisSince(beforeLoad) / load.count,
          afterLoad.nodeMillisSince(beforeLoad) / load.count);
      report.printf(
          "  JVM by part         %s%n",
          ThreadCpu.perTransaction(
              threadsBefore, threadsAfter, afterLoad.jvmMillisSince(beforeLoad), load.count));
      report.printf(
          "CPU per raw pair      JVM %.2f ms, Dynalite (node) %.2f ms (includes creating the"
              + " tables)%n",
          afterRaw.jvmMillisSince(afterLoad) / transactions,
          afterRaw.nodeMillisSince(afterLoad) / transactions);
      double cpuPerTransaction =
          (afterLoad.jvmMillisSince(beforeLoad) + afterLoad.nodeMillisSince(beforeLoad))
              / load.count;
      double cpuPerRawPair =
          (afterRaw.jvmMillisSince(afterLoad) + afterRaw.nodeMillisSince(afterLoad)) / transactions;
      // both phases are CPU-bound on a small machine: the rates then stand in the inverse ratio
      // of these costs, so this says whether the target can hold whatever the machine's speed
      report.printf(
          "CPU per transaction   %.2f raw pairs (JVM + node; the target needs at most %.2f)%n",
          cpuPerTransaction / cpuPerRawPair, 1 / TARGET_SHARE);
      report.printf(
          "target                end to end >= 60%% of the raw pair rate = %.0f tx/s: %s"
              + " (%.0f%% of the raw pair rate)%n",
          target, scored >= target ? "met" : "NOT met", 100 * scored / rawPairs);
    }
    return 0;
  }

  private LocalFunction recordingScores(LocalFunction scorer) {
    return event -> {
      byte[] response = scorer.invoke(event);
      long now = System.nanoTime();
      for (var transaction : ScoringPayload.fromJson(event)) {
        scoredAt.putIfAbsent(transaction.transactionId(), now);
      }
      return response;
    };
  }

  private record LoadResult(
      int count,
      long start,
      long lastAccepted,
      long lastScored,
      double[] postLatencies,
      double[] scoreLatencies,
      long generatorCpuNanos) {}

  private LoadResult runLoad(URI endpoint, String prefix, int count) throws Exception {
    long[] postStart = new long[count];
    long[] postEnd = new long[count];
    String run = prefix + "-" + Long.toString(System.nanoTime(), 36);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    AtomicLong generatorCpu = new AtomicLong();
    Thread[] workers = new Thread[threads];
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      workers[t] =
          new Thread(
              () -> {
                try (KeepAlivePoster poster = new KeepAlivePoster(endpoint)) {
                  for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    byte[] request = body(run, i).getBytes(StandardCharsets.UTF_8);
                    postStart[i] = System.nanoTime();
                    try {
                      if (poster.post(request) != 202) {
                        failures.incrementAndGet();
                      }
                    } catch (IOException | RuntimeException e) {
                      poster.close();
                      failures.incrementAndGet();
                    }
                    postEnd[i] = System.nanoTime();
                  }
                }
                generatorCpu.addAndGet(
                    ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
              },
              "load-" + t);
      workers[t].start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " POSTs were not accepted with 202");
    }
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    for (int i = 0; i < count; i++) {
      while (!scoredAt.containsKey(id(run, i))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("transaction " + id(run, i) + " not scored in time");
        }
        Thread.sleep(5);
      }
    }
    double[] post = new double[count];
    double[] scored = new double[count];
    long lastAccepted = 0;
    long lastScored = 0;
    for (int i = 0; i < count; i++) {
      long scoredNanos = scoredAt.get(id(run, i));
      post[i] = (postEnd[i] - postStart[i]) / 1e6;
      scored[i] = (scoredNanos - postStart[i]) / 1e6;
      lastAccepted = Math.max(lastAccepted, postEnd[i]);
      lastScored = Math.max(lastScored, scoredNanos);
    }
    return new LoadResult(count, start, lastAccepted, lastScored, post, scored, generatorCpu.get());
  }

  private static String id(String run, int i) {
    return run + "-" + i;
  }

  /** A mix of the rule's cases: plain, elevated, high, high-risk merchants. */
  private static String body(String run, int i) {
    String amount =
        switch (i % 4) {
          case 0 -> "42.50";
          case 1 -> "6000";
          case 2 -> "15000.01";
          default -> "120";
        };
    String merchant = i % 5 == 0 ? "crypto-exchange" : "Shop " + (i % 17);
    return "{\"transaction_id\":\""
        + id(run, i)
        + "\",\"timestamp\":1700000000,\"amount\":"
        + amount
        + ",\"merchant\":\""
        + merchant
        + "\",\"currency\":\"EUR\"}";
  }

  /**
   * The pair of conditional puts a transaction needs, into scratch tables defined as the
   * pipeline's, from the same threads and through the same store classes the functions use.
   */
  private long rawPairRate(LocalPipeline pipeline) throws InterruptedException {
    String run = Long.toString(System.nanoTime(), 36);
    try (DynamoDbClient client = pipeline.dynalite().client()) {
      TableDefinition transactionsTable = FraudTables.transactions("raw-transactions-" + run);
      TableDefinition scoresTable = FraudTables.fraudScores("raw-scores-" + run);
      transactionsTable.createIn(client);
      scoresTable.createIn(client);
      TransactionStore transactionStore =
          new DynamoDbTransactionStore(client, transactionsTable.tableName());
      ScoreStore scoreStore = new DynamoDbScoreStore(client, scoresTable.tableName());
      int count = transactions;
      AtomicInteger next = new AtomicInteger();
      AtomicInteger failures = new AtomicInteger();
      Thread[] workers = new Thread[threads];
      long start = System.nanoTime();
      for (int t = 0; t < threads; t++) {
        workers[t] =
            new Thread(
                () -> {
                  for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    Transaction transaction = rawTransaction(i);
                    boolean written =
                        transactionStore.putIfAbsent(transaction).isEmpty()
                            && scoreStore.putIfAbsent(rawScore(transaction));
                    if (!written) {
                      failures.incrementAndGet();
                    }
                  }
                },
                "raw-put-" + t);
        workers[t].start();
      }
      for (Thread worker : workers) {
        worker.join();
      }
      long elapsed = System.nanoTime() - start;
      if (failures.get() > 0) {
        throw new IllegalStateException(failures.get() + " raw pairs found their key taken");
      }
      return Math.round(count / seconds(elapsed));
    }
  }

  private static Transaction rawTransaction(int i) {
    return new Transaction(
        "raw-" + i, 1700000000L, new BigDecimal("6000"), "Shop " + (i % 17), "EUR", null);
  }

  private static FraudScore rawScore(Transaction t) {
    return new FraudScore(
        t.transactionId(),
        new BigDecimal("0.3"),
        t.timestamp(),
        t.amount(),
        t.merchant(),
        1700000001L,
        1700000001L + 90 * 86400L,
        false,
        false);
  }

  /**
   * CPU time used so far by this JVM and by its child processes (Dynalite's node), to tell where a
   * transaction's cost goes whatever else the machine is doing.
   */
  private record CpuTimes(long jvmNanos, long nodeNanos) {
    static CpuTimes now() {
      long jvm =
          ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
              .getProcessCpuTime();
      long node =
          ProcessHandle.current()
              .children()
              .mapToLong(child -> child.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
              .sum();
      return new CpuTimes(jvm, node);
    }

    double jvmMillisSince(CpuTimes earlier) {
      return (jvmNanos - earlier.jvmNanos) / 1e6;
    }

    double nodeMillisSince(CpuTimes earlier) {
      return (nodeNanos - earlier.nodeNanos) / 1e6;
    }
  }

  /** CPU time of this JVM's threads, grouped by the part of the pipeline they serve. */
  private static final class ThreadCpu {
    static final String LOAD_GENERATOR = "load generator";
    private static final java.util.LinkedHashMap<String, String> PARTS =
        new java.util.LinkedHashMap<>();

    static {
      PARTS.put("load-", LOAD_GENERATOR);
      PARTS.put("HTTP-Dispatcher", "HTTP API + processor");
      PARTS.put("http-", "HTTP API + processor");
      PARTS.put("stream-", "stream poller");
      PARTS.put("fraud-scorer-", "scorer");
    }

    static Map<String, Long> byPart() {
      java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
      Map<String, Long> parts = new java.util.LinkedHashMap<>();
      for (java.lang.management.ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
        if (info == null) {
          continue;
        }
        long cpu = mx.getThreadCpuTime(info.getThreadId());
        String part =
            PARTS.entrySet().stream()
                .filter(e -> info.getThreadName().startsWith(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("other threads");
        parts.merge(part, Math.max(cpu, 0), Long::sum);
      }
      return parts;
    }

    static String perTransaction(
        Map<String, Long> before, Map<String, Long> after, double jvmMillis, int count) {
      StringBuilder text = new StringBuilder();
      double counted = 0;
      for (Map.Entry<String, Long> part : after.entrySet()) {
        double millis = (part.getValue() - before.getOrDefault(part.getKey(), 0L)) / 1e6;
        counted += millis;
        text.append(String.format("%s %.2f ms, ", part.getKey(), millis / count));
      }
      // JIT compiler and GC threads are not Java threads: what the process used beyond the rest
      return text.append(String.format("JIT/GC/VM %.2f ms", (jvmMillis - counted) / count))
          .toString();
    }
  }

  /** Other processes on the machine skew every figure: say how busy it was. */
  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static double percentile(double[] values, int p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
  }
}
