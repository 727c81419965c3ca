package io.fraudpipeline.operator.reconciler;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fraudpipeline.operator.crossplane.CachedFields;
import io.fraudpipeline.operator.crossplane.CrossplaneKinds;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scale benchmark's cluster, in a process of its own so the operator's process holds and spends
 * only what the operator does: the fabric8 mock server (indexed CRUD store, every provider CRD) and
 * the simulated provider. Prints {@code url <master URL>}, then answers one line per command on
 * stdin: {@code stats} (the operator's reads and writes so far, the mock's busy time), {@code
 * census} (the MRs stored and their JSON size as stored and as the operator caches it), {@code
 * paths} (the operator's most frequent requests), {@code quit}.
 */
public final class ClusterProcess {

  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

  public static void main(String[] args) throws Exception {
    String operatorAgent = args[0];
    try (MockCluster cluster = new MockCluster(true)) {
      cluster.installProviderCrds(k -> true);
      RequestCounter counter = new RequestCounter(cluster, operatorAgent);
      KubernetesClient providerClient =
          new KubernetesClientBuilder()
              .withConfig(
                  new ConfigBuilder(cluster.client.getConfiguration())
                      .withUserAgent("simulated-provider")
                      .build())
              .build();
      try (SimulatedProvider provider = new SimulatedProvider(providerClient)) {
        System.out.println("url " + cluster.client.getConfiguration().getMasterUrl());
        var commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String command; (command = commands.readLine()) != null && !command.equals("quit"); ) {
          System.out.println(answer(command, cluster, counter));
        }
      } finally {
        providerClient.close();
        counter.stop();
      }
    }
    System.exit(0);
  }

  private static String answer(String command, MockCluster cluster, RequestCounter counter) {
    return switch (command) {
      case "stats" ->
          "stats "
              + counter.reads.get()
              + " "
              + counter.writes.get()
              + " "
              + cluster.dispatcher.busyNanos()
              + " "
              + ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos()
              + " "
              + String.join(" ; ", counter.lastWrites);
      case "census" -> census(cluster);
      case "paths" ->
          "paths "
              + String.join(
                  " ; ",
                  counter.paths.entrySet().stream()
                      .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                      .limit(12)
                      .map(e -> e.getValue() + " " + e.getKey())
                      .toList());
      default -> "error unknown command " + command;
    };
  }

  private static String census(MockCluster cluster) {
    long count = 0;
    long stored = 0;
    long cached = 0;
    for (var kind : CrossplaneKinds.all()) {
      for (var mr : cluster.client.resources(kind.type()).inAnyNamespace().list().getItems()) {
        count++;
        stored += Serialization.asJson(mr).length();
        cached += Serialization.asJson(CachedFields.pruned(mr)).length();
      }
    }
    return "census " + count + " " + stored + " " + cached;
  }

  /**
   * Drains the mock server's record of requests (it keeps every one otherwise) and counts the
   * operator's reads and writes by its user agent.
   */
  private static final class RequestCounter {
    final AtomicLong reads = new AtomicLong();
    final AtomicLong writes = new AtomicLong();
    final Map<String, Long> paths = new ConcurrentHashMap<>();
    final java.util.Deque<String> lastWrites = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final MockCluster cluster;
    private final String operatorAgent;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    RequestCounter(MockCluster cluster, String operatorAgent) {
      this.cluster = cluster;
      this.operatorAgent = operatorAgent;
      this.thread = new Thread(this::drain, "request-counter");
      thread.setDaemon(true);
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
          if (r != null && operatorAgent.equals(r.getHeader("User-Agent"))) {
            count(r);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private void count(RecordedRequest r) {
      boolean write = WRITES.contains(r.getMethod());
      (write ? writes : reads).incrementAndGet();
      if (write) {
        lastWrites.addLast(r.getMethod() + " " + r.getPath());
        if (lastWrites.size() > 5) {
          lastWrites.pollFirst();
        }
      }
      String shape =
          r.getMethod()
              + " "
              + r.getPath().replaceAll("\\?.*", "").replaceAll("/namespaces/[^/]+", "/namespaces/*")
              + (r.getPath().contains("watch=true") ? " (watch)" : "");
      paths.merge(shape, 1L, Long::sum);
    }
  }
}
