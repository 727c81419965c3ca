package io.fraudpipeline.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.runtime.InstalledBackends;
import io.fraudpipeline.operator.stack.ManagedKind;
import io.fraudpipeline.testing.crd.ProjectPaths;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The read-only ClusterRole of examples/rbac grants {@code list}, and only that, on FraudPipelines
 * and on every kind the operator emits with either backend: what {@code diff} reads.
 */
class DiffClusterRoleTest {

  @Test
  void theExampleRoleListsExactlyThePipelinesAndEveryKindOfEitherBackend() throws Exception {
    ClusterRole role =
        Serialization.unmarshal(
            Files.readString(
                ProjectPaths.root().resolve("examples/rbac/fraudpipeline-diff-clusterrole.yaml")),
            ClusterRole.class);
    Set<String> granted = new TreeSet<>();
    for (PolicyRule rule : role.getRules()) {
      assertThat(rule.getVerbs()).as("verbs of " + rule.getApiGroups()).containsExactly("list");
      for (String group : rule.getApiGroups()) {
        rule.getResources().forEach(r -> granted.add(r + "." + group));
      }
    }
    Set<String> read = new TreeSet<>();
    read.add(FraudPipeline.PLURAL + "." + FraudPipeline.GROUP);
    InstalledBackends.all().allKinds().stream().map(ManagedKind::crdName).forEach(read::add);

    assertThat(granted).isEqualTo(read);
  }
}
