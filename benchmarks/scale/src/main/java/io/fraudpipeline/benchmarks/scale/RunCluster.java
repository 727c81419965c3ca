package io.fraudpipeline.benchmarks.scale;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fraudpipeline.testing.cluster.ControlPlane;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * One run's server: a fresh control plane (so etcd's size and the server's CPU are this run's), the
 * vendored provider CRDs and the FraudPipeline CRD, the namespaces, and the simulated provider as a
 * process of its own (user {@value #PROVIDER_USER}).
 */
final class RunCluster implements AutoCloseable {

  static final String PROVIDER_USER = "simulated-provider";
  private static final String FRAUD_PIPELINE_CRD =
      "META-INF/fabric8/fraudpipelines.fraudpipeline.io-v1.yml";

  final ControlPlane cluster;
  final Path dir;
  private final ChildProcess provider;

  private RunCluster(ControlPlane cluster, Path dir, ChildProcess provider) {
    this.cluster = cluster;
    this.dir = dir;
    this.provider = provider;
  }

  static RunCluster start(Path dir, Collection<String> namespaces) throws Exception {
    ControlPlane cluster = ControlPlane.start(dir.resolve("control-plane"));
    try {
      cluster.applyCrds(
          ControlPlane.yamlFiles(Repository.root().resolve("test-support/crds/crossplane")));
      cluster.applyCrdObjects(List.of(fraudPipelineCrd()));
      for (String ns : namespaces) {
        cluster
            .client()
            .namespaces()
            .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
            .create();
      }
      Path kubeconfig = kubeconfig(cluster, dir, PROVIDER_USER);
      ChildProcess provider =
          ChildProcess.java(
              "simulated-provider",
              List.of("-Xmx2g"),
              SimulatedProvider.class.getName(),
              List.of(kubeconfig.toString()),
              dir.resolve("simulated-provider.log"));
      provider.awaitLogLine(SimulatedProvider.READY_LINE, Duration.ofSeconds(120));
      return new RunCluster(cluster, dir, provider);
    } catch (Exception e) {
      cluster.close();
      throw e;
    }
  }

  private static CustomResourceDefinition fraudPipelineCrd() throws IOException {
    try (InputStream in =
        RunCluster.class.getClassLoader().getResourceAsStream(FRAUD_PIPELINE_CRD)) {
      if (in == null) {
        throw new IllegalStateException(FRAUD_PIPELINE_CRD + " is not on the class path");
      }
      return Serialization.unmarshal(in, CustomResourceDefinition.class);
    }
  }

  KubernetesClient admin() {
    return cluster.client();
  }

  /** A kubeconfig of this user of its own (group system:masters), for a process the run starts. */
  Path kubeconfig(String user) throws IOException, InterruptedException {
    return kubeconfig(cluster, dir, user);
  }

  private static Path kubeconfig(ControlPlane cluster, Path dir, String user)
      throws IOException, InterruptedException {
    return cluster.writeKubeconfig(dir.resolve(user + ".kubeconfig"), user, "system:masters");
  }

  long apiServerPid() {
    return cluster.pid("kube-apiserver");
  }

  long etcdPid() {
    return cluster.pid("etcd");
  }

  /** etcd's database file: its size on disk, free pages included (etcd never shrinks it alone). */
  double etcdDbMb() throws IOException {
    Path db = cluster.etcdDataDir().resolve("member/snap/db");
    return Files.size(db) / (1024.0 * 1024.0);
  }

  /** The provider must still run when a system is measured; an exit is the run's failure. */
  void checkProvider() {
    if (!provider.isAlive()) {
      throw new IllegalStateException("the simulated provider exited; see " + provider.log());
    }
  }

  @Override
  public void close() throws InterruptedException {
    provider.close();
    cluster.close();
  }
}
