package io.fraudpipeline.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.crossplane.CrossplaneBackend;
import io.fraudpipeline.operator.model.FieldChange;
import io.fraudpipeline.operator.model.Subset;
import io.fraudpipeline.operator.stack.ManagedObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When an observed MR counts as already holding what the operator wants. */
class DesiredStateMatcherTest {

  private final ManagedObject desired =
      CrossplaneBackend.INSTANCE.renderAssumingReady(Fixtures.seed()).desired().stream()
          .filter(r -> r.getKind().equals("MethodSettings"))
          .findFirst()
          .orElseThrow();

  /** The object as the API server gives it back: JSON round trip, plus server-side additions. */
  private GenericKubernetesResource observed() {
    GenericKubernetesResource copy =
        Serialization.unmarshal(Serialization.asJson(desired), GenericKubernetesResource.class);
    copy.getMetadata().setResourceVersion("7");
    copy.getMetadata().setGeneration(2L);
    return copy;
  }

  @Test
  void theSameObjectBackFromTheServerMatches() {
    assertThat(DesiredStateMatcher.matches(desired, observed())).isTrue();
  }

  @Test
  void fieldsTheProviderAddsAndNumbersWrittenDifferentlyStillMatch() {
    GenericKubernetesResource actual = observed();
    Map<String, Object> forProvider = Fixtures.forProvider(actual);
    forProvider.put("restApiId", "a1b2c3d4e5"); // resolved from restApiIdRef
    @SuppressWarnings("unchecked")
    Map<String, Object> settings = (Map<String, Object>) forProvider.get("settings");
    settings.put("throttlingRateLimit", 1000); // 1000.0 came back as an integer
    Fixtures.spec(actual).put("managementPolicies", List.of("*")); // API server default
    actual.getMetadata().getAnnotations().put("crossplane.io/external-name", "abc/prod/*/*");

    assertThat(DesiredStateMatcher.matches(desired, actual)).isTrue();
    assertThat(DesiredStateMatcher.differences(desired, actual)).isEmpty();
  }

  @Test
  void aChangedValueAMissingLabelOrAnotherOwnerDoNotMatch() {
    GenericKubernetesResource changed = observed();
    @SuppressWarnings("unchecked")
    Map<String, Object> settings =
        (Map<String, Object>) Fixtures.forProvider(changed).get("settings");
    settings.put("throttlingBurstLimit", 10);
    assertThat(DesiredStateMatcher.matches(desired, changed)).isFalse();

    GenericKubernetesResource unlabelled = observed();
    unlabelled.getMetadata().getLabels().remove("fraudpipeline.io/pipeline");
    assertThat(DesiredStateMatcher.matches(desired, unlabelled)).isFalse();

    GenericKubernetesResource orphan = observed();
    orphan.getMetadata().setOwnerReferences(List.of());
    assertThat(DesiredStateMatcher.matches(desired, orphan)).isFalse();
  }

  @Test
  void theDifferencesAreEachFieldThatKeepsAMatchByPathWithWhatIsHeldAndWhatIsWanted() {
    GenericKubernetesResource changed = observed();
    @SuppressWarnings("unchecked")
    Map<String, Object> settings =
        (Map<String, Object>) Fixtures.forProvider(changed).get("settings");
    Object burst = settings.put("throttlingBurstLimit", 10);
    changed.getMetadata().getLabels().remove("fraudpipeline.io/pipeline");
    changed.getMetadata().setOwnerReferences(List.of());

    assertThat(DesiredStateMatcher.matches(desired, changed)).isFalse();
    assertThat(DesiredStateMatcher.differences(desired, changed))
        .containsExactly(
            new FieldChange("spec.forProvider.settings.throttlingBurstLimit", 10, burst),
            new FieldChange(
                "metadata.labels[\"fraudpipeline.io/pipeline\"]",
                null,
                desired.getMetadata().getLabels().get("fraudpipeline.io/pipeline")),
            new FieldChange(
                "metadata.ownerReferences",
                List.of(),
                List.of("FraudPipeline payments " + Fixtures.seed().getMetadata().getUid())));
  }

  @Test
  void aListOfAnotherLengthIsOneChangeOfTheWholeList() {
    assertThat(Subset.differences(Map.of("a", List.of(1, 2)), Map.of("a", List.of(1)), "spec"))
        .containsExactly(new FieldChange("spec.a", List.of(1, 2), List.of(1)));
    assertThat(Subset.differences(Map.of("a", List.of(1, 2)), Map.of("a", List.of(1, 3)), "spec"))
        .containsExactly(new FieldChange("spec.a[1]", 2, 3));
    assertThat(Subset.differences(Map.of("a", 1.0), Map.of("a", 1), "spec")).isEmpty();
  }
}
