package io.fraudpipeline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rendered core objects read into fabric8's typed models with no unknown field left over. */
class CoreSchemaTest {

  static Stream<Arguments> variations() {
    return Variations.all().entrySet().stream()
        .map(e -> Arguments.of(Named.of(e.getKey(), e.getValue())));
  }

  @ParameterizedTest
  @MethodSource("variations")
  void everyCoreObjectHasOnlyKnownFields(Map<String, ?> values) {
    Manifests manifests = Chart.template(values);

    assertThat(manifests.all())
        .filteredOn(o -> !(o instanceof GenericKubernetesResource))
        // the CRD is the generated one byte for byte (CrdCopyTest, ChartCrdTest), its schema
        // checked
        // by the API server itself (FraudPipelineCrdOnServerTest, ChartOnServerTest)
        .filteredOn(o -> !(o instanceof CustomResourceDefinition))
        .as("typed core objects")
        .isNotEmpty()
        .allSatisfy(
            object ->
                assertThat(UnknownFields.in(object))
                    .as(object.getKind() + " unknown fields")
                    .isEmpty());
  }

  @Test
  void aMisspelledFieldIsCaught() {
    HasMetadata deployment =
        Manifests.parse(
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: c
                          image: i
                          securityContext: {readOnlyRootFileSystem: true}
                """)
            .all()
            .get(0);

    assertThat(UnknownFields.in(deployment))
        .containsExactly("spec.template.spec.containers[0].securityContext.readOnlyRootFileSystem");
  }
}
