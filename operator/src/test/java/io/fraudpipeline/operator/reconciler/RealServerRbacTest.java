package io.fraudpipeline.operator.reconciler;

import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.PROVIDER_USER;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.awaitReady;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.pipeline;
import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fraudpipeline.api.testing.ProjectPaths;
import io.fraudpipeline.testing.cluster.AuditLog;
import io.fraudpipeline.testing.cluster.ControlPlane;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The operator runs as the chart's service account, with exactly the RBAC the chart renders (the
 * real Helm engine), cluster-wide and per namespace: the lifecycle passes with no 403.
 */
class RealServerRbacTest {

  private static final String SYSTEM = "fraud-system";
  private static final Set<String> RBAC_KINDS =
      Set.of("ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding");

  /**
   * The chart's RBAC objects for these values, rendered as {@code helm template} does for that
   * server.
   */
  static List<HasMetadata> chartRbac(String release, String valuesYaml, String kubeVersion)
      throws Exception {
    Path values = Files.createTempFile("values", ".yaml");
    try {
      Files.writeString(values, valuesYaml);
      String rendered =
          new Helm(ProjectPaths.root().resolve("helm/fraud-pipeline-operator"))
              .template()
              .withName(release)
              .withNamespace(SYSTEM)
              .withKubeVersion(kubeVersion)
              .withValuesFile(values)
              .call();
      try (KubernetesClient offline = new KubernetesClientBuilder().build()) {
        return offline
            .load(new ByteArrayInputStream(rendered.getBytes(StandardCharsets.UTF_8)))
            .items()
            .stream()
            .filter(o -> RBAC_KINDS.contains(o.getKind()))
            .toList();
      }
    } finally {
      Files.deleteIfExists(values);
    }
  }

  @ParameterizedTest(name = "watching {0}")
  @ValueSource(strings = {"all namespaces", "one namespace"})
  void theLifecyclePassesAsTheChartsServiceAccount(String mode) throws Exception {
    boolean namespaced = mode.equals("one namespace");
    String ns = namespaced ? "rbac-one" : "rbac-all";
    String release = namespaced ? "fpo-one" : "fpo-all";
    ControlPlane cluster = ControlPlane.shared();
    KubernetesClient admin = cluster.client();
    RealServerLifecycleTest.cluster = cluster;
    RealServerLifecycleTest.admin = admin;
    RealServerLifecycleTest.installCrds(cluster);
    RealServerLifecycleTest.namespace(SYSTEM);
    RealServerLifecycleTest.namespace(ns);

    List<HasMetadata> rbac =
        chartRbac(
            release,
            namespaced ? "watchNamespaces: [" + ns + "]\n" : "watchNamespaces: []\n",
            admin.getKubernetesVersion().getGitVersion().substring(1));
    assertThat(rbac).extracting(HasMetadata::getKind).contains("ServiceAccount");
    for (HasMetadata o : rbac) {
      if (o.getMetadata().getNamespace() == null && o instanceof ServiceAccount) {
        o.getMetadata().setNamespace(SYSTEM);
      }
      admin.resource(o).forceConflicts().serverSideApply();
    }
    ServiceAccount sa =
        (ServiceAccount) rbac.stream().filter(o -> o instanceof ServiceAccount).findFirst().get();
    String user = "system:serviceaccount:" + SYSTEM + ":" + sa.getMetadata().getName();
    String token =
        admin
            .serviceAccounts()
            .inNamespace(SYSTEM)
            .withName(sa.getMetadata().getName())
            .tokenRequest(
                new TokenRequestBuilder()
                    .withNewSpec()
                    .withExpirationSeconds(3600L)
                    .endSpec()
                    .build())
            .getStatus()
            .getToken();

    Map<String, String> env = ProductionOperator.chartEnvironment(SYSTEM, release + "-0");
    env.put("WATCH_NAMESPACES", namespaced ? ns : "");
    long mark = cluster.auditLog().mark();
    try (KubernetesClient providerClient =
            new KubernetesClientBuilder()
                .withConfig(cluster.configForUser(PROVIDER_USER, "system:masters"))
                .build();
        SimulatedProvider provider = new SimulatedProvider(providerClient);
        ProductionOperator operator =
            new ProductionOperator(
                cluster.configForToken(token), env, RealServerLifecycleTest.RESYNC)) {
      admin.resource(pipeline(ns, "guarded")).create();
      awaitReady(ns, "guarded");
    }

    List<AuditLog.Entry> requests =
        cluster.auditLog().since(mark).stream().filter(e -> e.user().equals(user)).toList();
    assertThat(requests).as("the operator ran as " + user).isNotEmpty();
    assertThat(requests).as("forbidden requests").noneMatch(e -> e.code() == 403);
    admin.namespaces().withName(ns).delete();
  }
}
