package io.fraudpipeline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fraudpipeline.operator.ack.AckKinds;
import io.fraudpipeline.operator.crossplane.CrossplaneKinds;
import io.fraudpipeline.operator.runtime.InstalledBackends;
import io.fraudpipeline.operator.stack.ManagedKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The chart grants exactly the kinds the operator emits with any backend, derived from the
 * operator's own list ({@link Backends#allKinds()}: Crossplane's and ACK's): a kind added to the
 * operator without RBAC, or RBAC left for a kind it no longer emits, fails here.
 */
class RbacDerivationTest {

  private static final String FULLNAME = "fpo-fraud-pipeline-operator";
  private static final String FIX =
      "update fpo.crossplaneResources and fpo.ackResources in"
          + " helm/fraud-pipeline-operator/templates/_rbac.tpl to match"
          + " io.fraudpipeline.operator.runtime.InstalledBackends.all().allKinds()";

  /** What the reconcile role grants besides the backends' kinds. */
  private static final Set<String> NOT_BACKEND =
      Set.of(
          "fraudpipelines.fraudpipeline.io",
          "fraudpipelines/status.fraudpipeline.io",
          "fraudpipelines/finalizers.fraudpipeline.io",
          "events.",
          "events.events.k8s.io",
          "configmaps.");

  private static Set<String> emitted() {
    return InstalledBackends.all().allKinds().stream()
        .map(k -> k.plural() + "." + k.group())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void theOperatorEmitsCrossplaneKinds() {
    assertThat(CrossplaneKinds.all()).isNotEmpty();
    assertThat(CrossplaneKinds.all())
        .extracting(ManagedKind::group)
        .allSatisfy(group -> assertThat(group).endsWith(Rules.CROSSPLANE_AWS_GROUP_SUFFIX));
  }

  @Test
  void theOperatorEmitsAckKinds() {
    assertThat(AckKinds.all()).isNotEmpty();
    assertThat(AckKinds.all())
        .extracting(ManagedKind::group)
        .allSatisfy(group -> assertThat(group).endsWith(Rules.ACK_GROUP_SUFFIX));
  }

  @Test
  void clusterRoleGrantsExactlyTheEmittedKinds() {
    List<PolicyRule> rules =
        Chart.template().named(ClusterRole.class, FULLNAME).orElseThrow().getRules();

    assertThat(backendGrants(rules)).as(FIX).isEqualTo(emitted());
  }

  @Test
  void everyNamespacedRoleGrantsExactlyTheEmittedKinds() {
    Manifests namespaced =
        Chart.template(Map.of("watchNamespaces", List.of("fraud-dev", "fraud-prod")));
    List<Role> roles =
        namespaced.ofType(Role.class).stream()
            .filter(r -> r.getMetadata().getName().equals(FULLNAME))
            .toList();

    assertThat(roles).hasSize(2);
    for (Role role : roles) {
      assertThat(backendGrants(role.getRules()))
          .as("Role in %s: %s", role.getMetadata().getNamespace(), FIX)
          .isEqualTo(emitted());
    }
  }

  @Test
  void noOtherRoleGrantsBackendKinds() {
    for (Manifests manifests :
        List.of(Chart.template(), Chart.template(Map.of("watchNamespaces", List.of("a"))))) {
      Set<String> granted = new TreeSet<>(Rules.crossplaneResources(Rules.allRules(manifests)));
      granted.addAll(Rules.ackResources(Rules.allRules(manifests)));
      assertThat(granted).isEqualTo(emitted());
    }
  }

  @Test
  void theProviderExamplesInstallEveryServiceTheOperatorUses() {
    Set<String> services =
        CrossplaneKinds.all().stream()
            .map(k -> k.group().substring(0, k.group().indexOf('.')))
            .collect(Collectors.toSet());
    Set<String> providers =
        Examples.ofKind("Provider").stream()
            .map(d -> d.object().at("/spec/package").asText())
            .map(p -> p.replaceAll("^.*/provider-aws-([a-z0-9]+):.*$", "$1"))
            .collect(Collectors.toSet());

    assertThat(providers).containsAll(services);
  }

  @Test
  void theAckInstallScriptInstallsAControllerForEveryServiceTheOperatorUses() throws Exception {
    Set<String> services =
        AckKinds.all().stream()
            .map(k -> k.group().substring(0, k.group().indexOf('.')))
            .collect(Collectors.toSet());
    String script =
        java.nio.file.Files.readString(Examples.dir().resolve("ack/install-controllers.sh"));
    Set<String> installed =
        java.util.regex.Pattern.compile("(?m)^\\s+([a-z]+)=\\d+\\.\\d+\\.\\d+$")
            .matcher(script)
            .results()
            .map(m -> m.group(1))
            .collect(Collectors.toSet());

    assertThat(installed).isEqualTo(services);
  }

  /** Everything the rules grant, as resource.group, except the FraudPipeline kind and events. */
  private static Set<String> backendGrants(List<PolicyRule> rules) {
    Set<String> granted = new TreeSet<>();
    for (PolicyRule rule : rules) {
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          granted.add(resource + "." + group);
        }
      }
    }
    granted.removeAll(NOT_BACKEND);
    return granted;
  }
}
