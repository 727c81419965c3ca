package io.fraudpipeline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RbacTest {

  private static final String FULLNAME = "fpo-fraud-pipeline-operator";
  private static final Subject SERVICE_ACCOUNT =
      new Subject(null, "ServiceAccount", FULLNAME, Chart.NAMESPACE);

  private final Manifests defaults = Chart.template();

  @Test
  void byDefaultAClusterRoleGrantsTheReconcilePermissions() {
    ClusterRole role = defaults.named(ClusterRole.class, FULLNAME).orElseThrow();

    assertThat(Rules.verbs(role.getRules(), "fraudpipeline.io", "fraudpipelines"))
        .containsExactlyInAnyOrder("get", "list", "watch", "patch", "update");
    assertThat(Rules.verbs(role.getRules(), "fraudpipeline.io", "fraudpipelines/status"))
        .containsExactlyInAnyOrder("get", "patch", "update");
    assertThat(Rules.verbs(role.getRules(), "fraudpipeline.io", "fraudpipelines/finalizers"))
        .containsExactly("update");
    assertThat(Rules.verbs(role.getRules(), "", "events"))
        .containsExactlyInAnyOrder("create", "patch");
    assertThat(Rules.verbs(role.getRules(), "events.k8s.io", "events"))
        .containsExactlyInAnyOrder("create", "patch");
    assertThat(Rules.crossplaneResources(role.getRules())).isNotEmpty();
    assertThat(defaults.ofType(Role.class))
        .extracting(r -> r.getMetadata().getName())
        .containsExactly(FULLNAME + "-leader-election");
  }

  @Test
  void operatorMayNotDeleteFraudPipelinesNorTouchSecretsNorAnythingItDoesNotManage() {
    ClusterRole role = defaults.named(ClusterRole.class, FULLNAME).orElseThrow();

    assertThat(Rules.verbs(role.getRules(), "fraudpipeline.io", "fraudpipelines"))
        .doesNotContain("delete", "create");
    assertThat(Rules.verbs(role.getRules(), "", "secrets"))
        .as("the API key's value is the provider's to write: the operator never reads it")
        .isEmpty();
    assertThat(Rules.verbs(role.getRules(), "", "configmaps"))
        .as("the outputs ConfigMaps, which it creates, keeps and renames")
        .containsExactlyInAnyOrder("get", "list", "watch", "create", "update", "patch", "delete");
    assertThat(Rules.verbs(role.getRules(), "apiextensions.k8s.io", "customresourcedefinitions"))
        .isEmpty();
  }

  @Test
  void noRuleAnywhereUsesAWildcard() {
    for (Manifests manifests :
        List.of(defaults, Chart.template(Map.of("watchNamespaces", List.of("a"))))) {
      List<PolicyRule> rules = Rules.allRules(manifests);
      assertThat(rules).isNotEmpty();
      assertThat(rules)
          .allSatisfy(
              rule -> {
                assertThat(rule.getApiGroups()).doesNotContain("*");
                assertThat(rule.getResources()).doesNotContain("*");
                assertThat(rule.getVerbs()).doesNotContain("*");
              });
    }
  }

  @Test
  void customResourceDefinitionsAreReadOnlyInEveryMode() {
    for (Manifests manifests :
        List.of(defaults, Chart.template(Map.of("watchNamespaces", List.of("a"))))) {
      ClusterRole reader =
          manifests.named(ClusterRole.class, FULLNAME + "-crd-reader").orElseThrow();

      assertThat(reader.getRules()).hasSize(1);
      assertThat(
              Rules.verbs(reader.getRules(), "apiextensions.k8s.io", "customresourcedefinitions"))
          .containsExactlyInAnyOrder("get", "list", "watch");
      assertBoundToTheServiceAccount(
          manifests
              .named(ClusterRoleBinding.class, FULLNAME + "-crd-reader")
              .orElseThrow()
              .getSubjects());
    }
  }

  @Test
  void leaderElectionLeasesAreGrantedInTheReleaseNamespaceOnly() {
    Role leases = defaults.named(Role.class, FULLNAME + "-leader-election").orElseThrow();

    assertThat(leases.getMetadata().getNamespace()).isEqualTo(Chart.NAMESPACE);
    assertThat(leases.getRules()).hasSize(1);
    assertThat(Rules.verbs(leases.getRules(), "coordination.k8s.io", "leases"))
        .containsExactlyInAnyOrder("get", "create", "update", "patch");
    assertThat(Rules.verbs(Rules.allRules(defaults), "coordination.k8s.io", "leases"))
        .as("no ClusterRole grants leases")
        .hasSize(4);
    assertBoundToTheServiceAccount(
        defaults
            .named(RoleBinding.class, FULLNAME + "-leader-election")
            .orElseThrow()
            .getSubjects());
  }

  @Test
  void withoutLeaderElectionThereIsNoLeaseRole() {
    Manifests manifests = Chart.template(Map.of("operator", Map.of("leaderElection", false)));

    assertThat(manifests.named(Role.class, FULLNAME + "-leader-election")).isEmpty();
    assertThat(env(manifests, "LEADER_ELECTION")).isEqualTo("false");
  }

  @Test
  void clusterRoleIsBoundToTheServiceAccount() {
    ClusterRoleBinding binding = defaults.named(ClusterRoleBinding.class, FULLNAME).orElseThrow();

    assertThat(binding.getRoleRef().getKind()).isEqualTo("ClusterRole");
    assertThat(binding.getRoleRef().getName()).isEqualTo(FULLNAME);
    assertBoundToTheServiceAccount(binding.getSubjects());
  }

  @Test
  void namespacedModeGrantsTheSameRulesThroughARolePerWatchedNamespace() {
    Manifests namespaced =
        Chart.template(Map.of("watchNamespaces", List.of("fraud-dev", "fraud-prod")));
    List<PolicyRule> clusterRules =
        defaults.named(ClusterRole.class, FULLNAME).orElseThrow().getRules();

    assertThat(namespaced.named(ClusterRole.class, FULLNAME)).isEmpty();
    assertThat(namespaced.named(ClusterRoleBinding.class, FULLNAME)).isEmpty();
    List<Role> roles =
        namespaced.ofType(Role.class).stream()
            .filter(r -> r.getMetadata().getName().equals(FULLNAME))
            .toList();
    assertThat(roles)
        .extracting(r -> r.getMetadata().getNamespace())
        .containsExactlyInAnyOrder("fraud-dev", "fraud-prod");
    assertThat(roles).allSatisfy(role -> assertThat(role.getRules()).isEqualTo(clusterRules));
    List<RoleBinding> bindings =
        namespaced.ofType(RoleBinding.class).stream()
            .filter(b -> b.getMetadata().getName().equals(FULLNAME))
            .toList();
    assertThat(bindings)
        .extracting(b -> b.getMetadata().getNamespace())
        .containsExactlyInAnyOrder("fraud-dev", "fraud-prod");
    assertThat(bindings)
        .allSatisfy(
            binding -> {
              assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
              assertBoundToTheServiceAccount(binding.getSubjects());
            });
    assertThat(env(namespaced, "WATCH_NAMESPACES")).isEqualTo("fraud-dev,fraud-prod");
  }

  @Test
  void rbacCanBeLeftToThePlatformTeam() {
    Manifests manifests = Chart.template(Map.of("rbac", Map.of("create", false)));

    assertThat(Rules.allRules(manifests)).isEmpty();
    assertThat(manifests.ofType(RoleBinding.class)).isEmpty();
    assertThat(manifests.ofType(ClusterRoleBinding.class)).isEmpty();
  }

  private static void assertBoundToTheServiceAccount(List<Subject> subjects) {
    assertThat(subjects).containsExactly(SERVICE_ACCOUNT);
  }

  private static String env(Manifests manifests, String name) {
    return manifests
        .single(Deployment.class)
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0)
        .getEnv()
        .stream()
        .filter(e -> e.getName().equals(name))
        .map(EnvVar::getValue)
        .findFirst()
        .orElseThrow();
  }
}
