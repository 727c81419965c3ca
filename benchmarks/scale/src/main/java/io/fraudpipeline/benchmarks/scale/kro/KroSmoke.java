package io.fraudpipeline.benchmarks.scale.kro;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fraudpipeline.benchmarks.scale.SimulatedProvider;
import io.fraudpipeline.operator.crossplane.CrossplaneKinds;
import io.fraudpipeline.operator.crossplane.ManagedKind;
import io.fraudpipeline.testing.cluster.ControlPlane;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
  private static final long PATIENCE_MILLIS = TimeUnit.MINUTES.toMillis(5);

  private KroSmoke() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    // --hold: keep the cluster and kro up after the checks, for kubectl, until stdin closes
    boolean hold = List.of(args).contains("--hold");
    Path logs = Path.of("target", "kro-smoke").toAbsolutePath();
    ControlPlane cluster = ControlPlane.shared();
    cluster.applyCrds(ControlPlane.yamlFiles(KroFiles.providerCrds()));
    List<String> failures = new ArrayList<>();
    try (KubernetesClient providerClient =
            new KubernetesClientBuilder()
                .withConfig(cluster.configForUser("simulated-provider", "system:masters"))
                .build();
        SimulatedProvider provider = new SimulatedProvider(providerClient);
        KroPeer peer = KroPeer.start(cluster, cluster.kubeconfig(), logs)) {
      KroStartup s = peer.startup();
      System.out.printf(
          "kro-smoke: kro pid %d; build %d s (cached); start %d ms, of which RGD Active and served %d ms%n",
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
      List<GenericKubernetesResource> instances = awaitReady(client, peer, count);
      long readyMillis = (System.nanoTime() - started) / 1_000_000L;
      if (instances == null) {
        failures.add(count + " instances not all ready in " + PATIENCE_MILLIS / 1000 + " s");
      } else {
        System.out.printf(
            "kro-smoke: %d instances ready in %d ms; the provider wrote %d statuses%n",
            count, readyMillis, provider.statusWrites());
        for (GenericKubernetesResource i : instances) {
          System.out.printf(
              "kro-smoke:   %s endpoint %s%n",
              i.getMetadata().getName(), InstanceStatus.apiEndpoint(i));
        }
        failures.addAll(Wiring.check(client, NAMESPACE, names.get(0), instances.get(0)));
        int mrs = countMrs(client, names.get(0));
        if (mrs != 41) {
          failures.add(names.get(0) + " has " + mrs + " MRs, not the operator's 41");
        }
      }
      if (hold) {
        System.out.println(
            "kro-smoke: holding; kubeconfig " + cluster.kubeconfig() + "; close stdin to end");
        System.in.transferTo(java.io.OutputStream.nullOutputStream());
      }
    }
    if (failures.isEmpty()) {
      System.out.println("kro-smoke: OK");
      System.exit(0);
    }
    failures.forEach(f -> System.out.println("kro-smoke: FAILED " + f));
    System.exit(1);
  }

  private static List<GenericKubernetesResource> awaitReady(
      KubernetesClient client, KroPeer peer, int count) throws InterruptedException {
    long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
    GenericKubernetesResource template = peer.instance(NAMESPACE, "p01");
    List<GenericKubernetesResource> items = List.of();
    while (System.currentTimeMillis() < deadline) {
      items =
          client
              .genericKubernetesResources(template.getApiVersion(), template.getKind())
              .inNamespace(NAMESPACE)
              .list()
              .getItems();
      if (items.size() == count && items.stream().allMatch(peer::isReady)) {
        return items;
      }
      Thread.sleep(200);
    }
    for (GenericKubernetesResource i : items) {
      System.out.println(
          "kro-smoke: "
              + i.getMetadata().getName()
              + " status "
              + i.getAdditionalProperties().get("status"));
    }
    return null;
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
