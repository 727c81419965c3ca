package io.fraudpipeline.testing.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ControlPlaneTest {

  private static ControlPlane cluster;
  private static KubernetesClient client;

  @BeforeAll
  static void start() {
    cluster = ControlPlane.shared();
    client = cluster.client();
  }

  @Test
  void theServerReportsThePinnedRelease() {
    assertThat(client.getKubernetesVersion().getGitVersion()).startsWith("v1.34.");
  }

  @Test
  void theGarbageCollectorDeletesWhatAnOwnerOwned() {
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName("gc").endMetadata().build())
        .serverSideApply();
    ConfigMap owner =
        client
            .configMaps()
            .inNamespace("gc")
            .resource(
                new ConfigMapBuilder().withNewMetadata().withName("owner").endMetadata().build())
            .create();
    client
        .configMaps()
        .inNamespace("gc")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("owned")
                .addNewOwnerReference()
                .withApiVersion("v1")
                .withKind("ConfigMap")
                .withName("owner")
                .withUid(owner.getMetadata().getUid())
                .endOwnerReference()
                .endMetadata()
                .build())
        .create();

    client.configMaps().inNamespace("gc").withName("owner").delete();

    Eventually.await(
        "the owned ConfigMap collected",
        ControlPlane.patience(),
        () -> client.configMaps().inNamespace("gc").withName("owned").get() == null);
  }

  @Test
  void theNamespaceControllerFinishesADeletion() {
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName("doomed").endMetadata().build())
        .create();
    client
        .configMaps()
        .inNamespace("doomed")
        .resource(new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata().build())
        .create();

    client.namespaces().withName("doomed").delete();

    Eventually.await(
        "namespace doomed gone",
        ControlPlane.patience(),
        () -> client.namespaces().withName("doomed").get() == null);
  }

  @Test
  void theAuditLogRecordsWhoWroteWhat() {
    long mark = cluster.auditLog().mark();
    client
        .configMaps()
        .inNamespace("default")
        .resource(
            new ConfigMapBuilder().withNewMetadata().withName("audited").endMetadata().build())
        .create();

    assertThat(cluster.auditLog().writesBy("admin", mark))
        .anySatisfy(
            e -> {
              assertThat(e.verb()).isEqualTo("create");
              assertThat(e.resource()).isEqualTo("configmaps");
              assertThat(e.name()).isEqualTo("audited");
              assertThat(e.code()).isEqualTo(201);
            });
  }

  @Test
  void rbacIsEnforced() throws Exception {
    try (KubernetesClient nobody =
        new io.fabric8.kubernetes.client.KubernetesClientBuilder()
            .withConfig(cluster.configForUser("nobody"))
            .build()) {
      assertThat(
              org.assertj.core.api.Assertions.catchThrowableOfType(
                  io.fabric8.kubernetes.client.KubernetesClientException.class,
                  () -> nobody.configMaps().inNamespace("default").list()))
          .extracting(io.fabric8.kubernetes.client.KubernetesClientException::getCode)
          .isEqualTo(403);
    }
  }

  @Test
  void kubectlTalksToTheServer() throws Exception {
    ControlPlane.KubectlResult r = cluster.kubectl("get", "namespace", "default", "-o", "name");
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output().trim()).isEqualTo("namespace/default");
  }
}
