package io.fraudpipeline.operator.reconciler;

import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.PATIENCE;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.PROVIDER_USER;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.awaitReady;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.get;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.hasCondition;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.pipeline;
import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fraudpipeline.api.v1alpha1.ConditionTypes;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.testing.cluster.AuditLog;
import io.fraudpipeline.testing.cluster.ControlPlane;
import io.fraudpipeline.testing.cluster.Eventually;
import io.fraudpipeline.testing.crd.ProjectPaths;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The operator runs as the chart's service account, with exactly the RBAC the chart renders (the
 * real Helm engine), cluster-wide and per namespace: the lifecycle passes with no 403; with a verb
 * taken out of the role it keeps running and says what is missing.
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

  /** The chart's service account of this release, its RBAC applied as rendered. */
  private record Account(String user, String token, List<HasMetadata> rbac) {}

  private static Account chartAccount(String release, String ns, boolean namespaced)
      throws Exception {
    KubernetesClient admin = RealServerLifecycleTest.crossplaneServer().client();
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
    }
    apply(rbac);
    ServiceAccount sa =
        (ServiceAccount) rbac.stream().filter(o -> o instanceof ServiceAccount).findFirst().get();
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
    return new Account(
        "system:serviceaccount:" + SYSTEM + ":" + sa.getMetadata().getName(), token, rbac);
  }

  private static void apply(List<HasMetadata> objects) {
    for (HasMetadata o : objects) {
      ControlPlane.shared().client().resource(o).forceConflicts().serverSideApply();
    }
  }

  /** The operator with the chart's environment for this release, as its service account. */
  private static ProductionOperator operatorAs(
      Account account, String release, String ns, boolean namespaced) throws Exception {
    Map<String, String> env = ProductionOperator.chartEnvironment(SYSTEM, release + "-0");
    env.put("WATCH_NAMESPACES", namespaced ? ns : "");
    return new ProductionOperator(
        ControlPlane.shared().configForToken(account.token()), env, RealServerLifecycleTest.RESYNC);
  }

  private static KubernetesClient providerClient() throws Exception {
    return new KubernetesClientBuilder()
        .withConfig(ControlPlane.shared().configForUser(PROVIDER_USER, "system:masters"))
        .build();
  }

  @ParameterizedTest(name = "watching {0}")
  @ValueSource(strings = {"all namespaces", "one namespace"})
  void theLifecyclePassesAsTheChartsServiceAccount(String mode) throws Exception {
    boolean namespaced = mode.equals("one namespace");
    String ns = namespaced ? "rbac-one" : "rbac-all";
    String release = namespaced ? "fpo-one" : "fpo-all";
    ControlPlane cluster = ControlPlane.shared();
    Account account = chartAccount(release, ns, namespaced);
    long mark = cluster.auditLog().mark();
    try (KubernetesClient providerClient = providerClient();
        SimulatedProvider provider = new SimulatedProvider(providerClient);
        ProductionOperator operator = operatorAs(account, release, ns, namespaced)) {
      cluster.client().resource(pipeline(ns, "guarded")).create();
      awaitReady(ns, "guarded");
    }

    List<AuditLog.Entry> requests =
        cluster.auditLog().since(mark).stream()
            .filter(e -> e.user().equals(account.user()))
            .toList();
    assertThat(requests).as("the operator ran as " + account.user()).isNotEmpty();
    assertThat(requests).as("forbidden requests").noneMatch(e -> e.code() == 403);
    PipelineFinalizers.removeAll(cluster.client(), ns);
    cluster.client().namespaces().withName(ns).delete();
  }

  /**
   * With the verbs on one resource taken out of the chart's role, the operator starts, the pipeline
   * stalls with a condition and an event naming the verb and resource (the readiness probe too, for
   * a read), and once the role is whole again it converges without a restart.
   */
  @ParameterizedTest(name = "{0} on {1} refused")
  @CsvSource({
    "watch, queues, sqs.aws.m.upbound.io, one namespace",
    "create, topics, sns.aws.m.upbound.io, all namespaces"
  })
  void aRuleTakenOutStallsThePipelineNamingItAndPuttingItBackConverges(
      String verb, String resource, String group, String mode) throws Exception {
    // a read is reviewed in each watched namespace, a write refused in the pipeline's
    boolean namespaced = mode.equals("one namespace");
    String ns = "rbac-no-" + verb;
    String release = "fpo-no-" + verb;
    ControlPlane cluster = ControlPlane.shared();
    KubernetesClient admin = cluster.client();
    Account account = chartAccount(release, ns, namespaced);
    HasMetadata role =
        account.rbac().stream()
            .filter(o -> o.getKind().endsWith("Role") && !o.getKind().endsWith("Binding"))
            .filter(o -> o.getMetadata().getName().equals(release + "-fraud-pipeline-operator"))
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "no role named for release "
                            + release
                            + " in "
                            + account.rbac().stream()
                                .map(o -> o.getKind() + " " + o.getMetadata().getName())
                                .toList()));
    apply(List.of(withoutVerb(role, group, resource, verb)));

    String expected =
        "the operator's service account may not "
            + verb
            + " "
            + resource
            + "."
            + group
            + " in namespace "
            + ns;
    try (KubernetesClient providerClient = providerClient();
        SimulatedProvider provider = new SimulatedProvider(providerClient);
        ProductionOperator operator = operatorAs(account, release, ns, namespaced)) {
      admin.resource(pipeline(ns, "refused")).create();

      Eventually.await(
          "the pipeline stalls naming " + verb + " on " + resource,
          PATIENCE,
          () -> {
            FraudPipeline p = get(ns, "refused");
            return hasCondition(p, ConditionTypes.STALLED)
                && p.getStatus().getConditions().stream()
                    .anyMatch(
                        c ->
                            c.getType().equals(ConditionTypes.STALLED)
                                && c.getReason().equals("AccessDenied")
                                && c.getMessage().startsWith(expected));
          },
          () -> String.valueOf(get(ns, "refused").getStatus()));
      assertThat(admin.v1().events().inNamespace(ns).list().getItems())
          .as("a Warning event naming the verb and resource")
          .anyMatch(
              e ->
                  "Warning".equals(e.getType())
                      && "AccessDenied".equals(e.getReason())
                      && e.getMessage().startsWith(expected));
      assertThat(operator.operator.getRuntimeInfo().isStarted())
          .as("the operator keeps running")
          .isTrue();
      if (verb.equals("watch")) {
        assertThat(operator.readiness()).startsWith("503 not ok: " + expected);
      }

      apply(List.of(role));
      awaitReady(ns, "refused");
      assertThat(operator.readiness()).isEqualTo("200 ok\n");
    }
    PipelineFinalizers.removeAll(admin, ns);
    admin.namespaces().withName(ns).delete();
  }

  /**
   * A copy of the role in which the rule granting this resource no longer grants the verb (the
   * group's other resources keep all their verbs).
   */
  private static HasMetadata withoutVerb(
      HasMetadata role, String group, String resource, String verb) {
    List<PolicyRule> rules =
        role instanceof ClusterRole c ? c.getRules() : ((Role) role).getRules();
    List<PolicyRule> changed = new ArrayList<>();
    boolean found = false;
    for (PolicyRule rule : rules) {
      if (!rule.getApiGroups().contains(group) || !rule.getResources().contains(resource)) {
        changed.add(rule);
        continue;
      }
      found = true;
      List<String> others = rule.getResources().stream().filter(r -> !r.equals(resource)).toList();
      if (!others.isEmpty()) {
        changed.add(new PolicyRuleBuilder(rule).withResources(others).build());
      }
      List<String> verbs = rule.getVerbs().stream().filter(v -> !v.equals(verb)).toList();
      changed.add(new PolicyRuleBuilder(rule).withResources(resource).withVerbs(verbs).build());
    }
    assertThat(found).as("the chart's role grants " + resource + "." + group).isTrue();
    if (role instanceof ClusterRole c) {
      return new ClusterRoleBuilder(c).withRules(changed).build();
    }
    return new RoleBuilder((Role) role).withRules(changed).build();
  }
}
