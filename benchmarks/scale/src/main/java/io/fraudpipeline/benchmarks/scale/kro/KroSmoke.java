package io.fraudpipeline.benchmarks.scale.kro;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fraudpipeline.benchmarks.scale.SimulatedProvider;
import io.fraudpipeline.operator.crossplane.CrossplaneKinds;
import io.fraudpipeline.operator.stack.ManagedKind;
import io.fraudpipeline.testing.cluster.ControlPlane;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The peer end to end, run by hand (not a test): the real control plane with the vendored provider
 * CRDs, kro started, the RGD Active, a few instances, the simulated provider readying their MRs,
 * every instance ready with its endpoint; then the wiring of one instance read back from the
 * server. Prints timings; exits 1 when something does not hold.
 *
 * <p>{@code java -cp <scale classpath> io.fraudpipeline.benchmarks.scale.kro.KroSmoke [count]}
 */
public final class KroSmoke {

  private static final String NAMESPACE = "kro-smoke";
  private static final long PATIENCE_MILLIS = TimeUnit.MINUTES.toMillis(2);

  private KroSmoke() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    // --hold: keep the cluster and kro up after the checks, for kubectl, until stdin closes
    boolean hold = List.of(args).contains("--hold");
    Path logs = Path.of("target", "kro-smoke").toAbsolutePath();
    Files.createDirectories(logs);
    ControlPlane cluster = ControlPlane.shared();
    cluster.applyCrds(ControlPlane.yamlFiles(KroFiles.providerCrds()));
    Path kubeconfig =
        cluster.writeKubeconfig(logs.resolve("kro.kubeconfig"), "kro", "system:masters");
    List<String> failures = new ArrayList<>();
    KubernetesClient providerClient =
        new KubernetesClientBuilder()
            .withConfig(cluster.configForUser("simulated-provider", "system:masters"))
            .build();
    SimulatedProvider provider = new SimulatedProvider(providerClient);
    try (KroPeer peer = KroPeer.start(cluster, kubeconfig, logs)) {
      KroStartup s = peer.startup();
      System.out.printf(
          "kro-smoke: kro pid %d; its build took %d s; start %d ms, of which RGD Active and served"
              + " %d ms%n",
          peer.pid(), s.buildSeconds(), s.startMillis(), s.activeMillis());
      System.out.println("kro-smoke: " + peer.coverage());
      KubernetesClient client = cluster.client();
      client
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
          .serverSideApply();
      long started = System.nanoTime();
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= count; i++) {
        String name = "p%02d".formatted(i);
        names.add(name);
        client.resource(peer.instance(NAMESPACE, name)).create();
      }
      if (await(client, peer, count, InstanceStatus::allResourcesReady, PATIENCE_MILLIS) != null) {
        System.out.printf(
            "kro-smoke: %d instances with every resource ready and the endpoint in status in %d"
                + " ms%n",
            count, millisSince(started));
      }
      List<GenericKubernetesResource> instances =
          await(client, peer, count, peer::isReady, PATIENCE_MILLIS);
      if (instances != null) {
        System.out.printf(
            "kro-smoke: %d instances ready in %d ms; the provider wrote %d statuses%n",
            count, millisSince(started), provider.statusWrites());
      } else {
        failures.add(count + " instances not all ready in " + PATIENCE_MILLIS / 1000 + " s");
        instances = diagnose(client, peer, count, provider);
        provider = null;
      }
      if (instances != null) {
        for (GenericKubernetesResource i : instances) {
          System.out.printf(
              "kro-smoke:   %s endpoint %s%n",
              i.getMetadata().getName(), InstanceStatus.apiEndpoint(i));
        }
        failures.addAll(Wiring.check(client, NAMESPACE, names.get(0), instances.get(0)));
        int mrs = countMrs(client, names.get(0));
        if (mrs != 52) {
          failures.add(names.get(0) + " has " + mrs + " MRs, not the operator's 52");
        }
      }
      if (hold) {
        System.out.println("kro-smoke: holding; kubeconfig " + kubeconfig + "; close stdin to end");
        System.in.transferTo(OutputStream.nullOutputStream());
      }
    } finally {
      if (provider != null) {
        provider.close();
      }
      providerClient.close();
    }
    if (failures.isEmpty()) {
      System.out.println("kro-smoke: OK");
      System.exit(0);
    }
    failures.forEach(f -> System.out.println("kro-smoke: FAILED " + f));
    System.exit(1);
  }

  /**
   * Why the instances are not ready: when every resource is (kro's state ACTIVE) but kro keeps
   * requeueing because an object changed under its apply ("cluster mutated"), the provider is still
   * writing; stopping it shows whether kro then settles. Closes the provider; returns the instances
   * once ready, else null.
   */
  private static List<GenericKubernetesResource> diagnose(
      KubernetesClient client, KroPeer peer, int count, SimulatedProvider provider)
      throws InterruptedException {
    long before = provider.statusWrites();
    Thread.sleep(5_000);
    System.out.printf(
        "kro-smoke: the provider wrote %d statuses in the last 5 s%n",
        provider.statusWrites() - before);
    List<GenericKubernetesResource> active =
        await(client, peer, count, InstanceStatus::allResourcesReady, 1_000);
    System.out.println(
        "kro-smoke: every resource ready (state ACTIVE, endpoint in status): " + (active != null));
    provider.close();
    long stopped = System.nanoTime();
    List<GenericKubernetesResource> ready = await(client, peer, count, peer::isReady, 60_000);
    System.out.println(
        ready == null
            ? "kro-smoke: still not ready 60 s after the provider stopped"
            : "kro-smoke: ready " + millisSince(stopped) + " ms after the provider stopped");
    return ready;
  }

  private static List<GenericKubernetesResource> await(
      KubernetesClient client,
      KroPeer peer,
      int count,
      Predicate<GenericKubernetesResource> ready,
      long patienceMillis)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + patienceMillis;
    GenericKubernetesResource template = peer.instance(NAMESPACE, "p01");
    List<GenericKubernetesResource> items = List.of();
    do {
      items =
          client
              .genericKubernetesResources(template.getApiVersion(), template.getKind())
              .inNamespace(NAMESPACE)
              .list()
              .getItems();
      if (items.size() == count && items.stream().allMatch(ready)) {
        return items;
      }
      Thread.sleep(200);
    } while (System.currentTimeMillis() < deadline);
    return null;
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000L;
  }

  private static int countMrs(KubernetesClient client, String pipeline) {
    int n = 0;
    for (ManagedKind kind : CrossplaneKinds.all()) {
      n +=
          client
              .genericKubernetesResources(kind.apiVersion(), kind.kind())
              .inNamespace(NAMESPACE)
              .withLabels(Map.of("fraudpipeline.io/pipeline", pipeline))
              .list()
              .getItems()
              .size();
    }
    return n;
  }
}
