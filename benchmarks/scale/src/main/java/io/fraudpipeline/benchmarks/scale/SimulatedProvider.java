package io.fraudpipeline.benchmarks.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fraudpipeline.operator.crossplane.CrossplaneBackend;
import io.fraudpipeline.operator.crossplane.CrossplaneKinds;
import io.fraudpipeline.operator.stack.ManagedKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plays the Crossplane provider as a real client of the API server: watches every kind the operator
 * can emit ({@link CrossplaneKinds#all()}), every object of them whoever created it, and writes the
 * status a provider would (ARNs and ids from {@link AssumedStatuses}, {@code spec.forProvider}
 * echoed in {@code status.atProvider} as Upjet providers do, Ready and Synced, the observed
 * generation) with one status update per object and spec generation.
 *
 * <p>As a process: {@code java -cp scale-benchmark.jar
 * io.fraudpipeline.benchmarks.scale.SimulatedProvider <kubeconfig> [workers]}; it prints one line
 * when its watches are synced and runs until stdin closes.
 */
public final class SimulatedProvider implements AutoCloseable {

  /** Printed on stdout once every kind is watched, for a parent process to wait on. */
  public static final String READY_LINE = "simulated-provider: watching";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int DEFAULT_WORKERS = 4;

  private final KubernetesClient client;
  private final ExecutorService workers;
  private final List<SharedIndexInformer<GenericKubernetesResource>> informers = new ArrayList<>();
  private final AtomicLong statusWrites = new AtomicLong();

  /**
   * The generation whose status was written, per object uid. The server prunes what a status holds
   * beyond the CRD's schema (some echoed {@code forProvider} fields have no {@code atProvider}
   * field), so the stored status can differ from the one written for good; comparing alone wrote a
   * second, no-op status for every such object (22 of the 41 per pipeline).
   */
  private final Map<String, Long> reported = new ConcurrentHashMap<>();

  public SimulatedProvider(KubernetesClient client) {
    this(client, DEFAULT_WORKERS);
  }

  public SimulatedProvider(KubernetesClient client, int workers) {
    this.client = client;
    this.workers = Executors.newFixedThreadPool(workers);
    for (ManagedKind kind : CrossplaneKinds.all()) {
      informers.add(watch(kind));
    }
  }

  private SharedIndexInformer<GenericKubernetesResource> watch(ManagedKind kind) {
    return client
        .genericKubernetesResources(kind.apiVersion(), kind.kind())
        .inAnyNamespace()
        .inform(
            new ResourceEventHandler<>() {
              @Override
              public void onAdd(GenericKubernetesResource mr) {
                reconcile(mr);
              }

              @Override
              public void onUpdate(GenericKubernetesResource old, GenericKubernetesResource mr) {
                reconcile(mr);
              }

              @Override
              public void onDelete(GenericKubernetesResource mr, boolean unknownFinalState) {
                reported.remove(mr.getMetadata().getUid());
              }
            },
            0);
  }

  private void reconcile(GenericKubernetesResource mr) {
    String uid = mr.getMetadata().getUid();
    Long generation = mr.getMetadata().getGeneration();
    if (!needsStatus(mr) || (generation != null && generation.equals(reported.get(uid)))) {
      return;
    }
    workers.execute(
        () -> {
          try {
            client.resource(withStatus(mr)).updateStatus();
            if (generation != null) {
              reported.put(uid, generation);
            }
            statusWrites.incrementAndGet();
          } catch (KubernetesClientException e) {
            // a newer version exists (409) or the object is gone (404): its own event comes next
          }
        });
  }

  /** A copy to write (the informer's object is its cache): the version seen, the new status. */
  static GenericKubernetesResource withStatus(GenericKubernetesResource mr) {
    GenericKubernetesResource copy = new GenericKubernetesResource();
    copy.setApiVersion(mr.getApiVersion());
    copy.setKind(mr.getKind());
    copy.setMetadata(
        new ObjectMetaBuilder()
            .withName(mr.getMetadata().getName())
            .withNamespace(mr.getMetadata().getNamespace())
            .withResourceVersion(mr.getMetadata().getResourceVersion())
            .build());
    copy.setAdditionalProperty("spec", mr.getAdditionalProperties().get("spec"));
    copy.setAdditionalProperty("status", statusFor(mr));
    return copy;
  }

  /** Status updates this provider made that the server accepted. */
  public long statusWrites() {
    return statusWrites.get();
  }

  /** The status the provider reports for this object's current spec. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> statusFor(GenericKubernetesResource mr) {
    Map<String, Object> assumed =
        (Map<String, Object>)
            CrossplaneBackend.INSTANCE
                .withAssumedStatus(mr)
                .getAdditionalProperties()
                .get("status");
    Map<String, Object> atProvider =
        new LinkedHashMap<>((Map<String, Object>) assumed.get("atProvider"));
    Object spec = mr.getAdditionalProperties().get("spec");
    if (spec instanceof Map<?, ?> s && s.get("forProvider") instanceof Map<?, ?> forProvider) {
      ((Map<String, Object>) forProvider).forEach(atProvider::putIfAbsent);
    }
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("atProvider", atProvider);
    status.put("conditions", assumed.get("conditions"));
    Long generation = mr.getMetadata().getGeneration();
    if (generation != null) {
      status.put("observedGeneration", generation);
    }
    return status;
  }

  /** False when the object already carries the status of its current spec. */
  static boolean needsStatus(GenericKubernetesResource mr) {
    JsonNode current = JSON.valueToTree(mr.getAdditionalProperties().get("status"));
    JsonNode wanted = JSON.valueToTree(statusFor(mr));
    return !wanted.equals(NUMBERS_BY_VALUE, current);
  }

  /** 1 as an int and 1 as a long are the same number: the server's JSON does not keep the type. */
  private static final Comparator<JsonNode> NUMBERS_BY_VALUE =
      (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
          return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
      };

  @Override
  public void close() throws InterruptedException {
    informers.forEach(SharedIndexInformer::close);
    workers.shutdown();
    workers.awaitTermination(10, TimeUnit.SECONDS);
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: SimulatedProvider <kubeconfig> [workers]");
      System.exit(2);
    }
    Path kubeconfig = Path.of(args[0]);
    int workerCount = args.length == 2 ? Integer.parseInt(args[1]) : DEFAULT_WORKERS;
    try (KubernetesClient client =
            new KubernetesClientBuilder().withConfig(config(kubeconfig)).build();
        SimulatedProvider provider = new SimulatedProvider(client, workerCount)) {
      System.out.println(READY_LINE + " " + CrossplaneKinds.all().size() + " kinds");
      System.out.flush();
      // the parent holds stdin: its end (or death) ends this process
      while (System.in.read() >= 0) {
        // nothing to read; EOF is the signal
      }
      System.out.println("simulated-provider: " + provider.statusWrites() + " status writes");
    }
    System.exit(0);
  }

  /** The kubeconfig's cluster and user, with room for as many requests as the workers make. */
  static Config config(Path kubeconfig) throws IOException {
    String text = Files.readString(kubeconfig, StandardCharsets.UTF_8);
    return new ConfigBuilder(Config.fromKubeconfig(text))
        .withMaxConcurrentRequests(256)
        .withMaxConcurrentRequestsPerHost(64)
        .build();
  }
}
