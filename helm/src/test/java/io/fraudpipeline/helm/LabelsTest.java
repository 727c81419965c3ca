package io.fraudpipeline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LabelsTest {

  static Stream<Arguments> variations() {
    return Variations.all().entrySet().stream()
        .map(e -> Arguments.of(Named.of(e.getKey(), e.getValue())));
  }

  @ParameterizedTest
  @MethodSource("variations")
  void everyObjectCarriesTheRecommendedLabels(Map<String, ?> values) {
    Manifests manifests = Chart.template(values);

    assertThat(manifests.all()).isNotEmpty();
    assertThat(manifests.all())
        .allSatisfy(
            object ->
                assertThat(object.getMetadata().getLabels())
                    .as(describe(object))
                    .containsEntry("app.kubernetes.io/name", "fraud-pipeline-operator")
                    .containsEntry("app.kubernetes.io/instance", Chart.RELEASE)
                    .containsEntry("app.kubernetes.io/managed-by", "Helm")
                    .containsEntry("app.kubernetes.io/part-of", "fraud-pipeline")
                    .containsEntry(
                        "app.kubernetes.io/version", System.getProperty("project.version"))
                    .containsKey("helm.sh/chart"));
  }

  @ParameterizedTest
  @MethodSource("variations")
  void everyNamespacedObjectNamesItsNamespace(Map<String, ?> values) {
    assertThat(Chart.template(values).all())
        .filteredOn(
            o ->
                !(o instanceof ClusterRole)
                    && !(o instanceof ClusterRoleBinding)
                    && !(o instanceof CustomResourceDefinition))
        .allSatisfy(
            object ->
                assertThat(object.getMetadata().getNamespace()).as(describe(object)).isNotBlank());
  }

  private static String describe(HasMetadata object) {
    return object.getKind() + "/" + object.getMetadata().getName();
  }
}
