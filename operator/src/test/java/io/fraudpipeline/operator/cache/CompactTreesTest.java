package io.fraudpipeline.operator.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.crossplane.CrossplaneBackend;
import io.fraudpipeline.operator.stack.ObservedObjects;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The informer cache's compact form holds the same content, shared and read-only. */
class CompactTreesTest {

  private final FraudPipeline pipeline = Fixtures.seed();

  /** The MRs as the informer reads them from the API server: fresh Jackson trees. */
  private List<GenericKubernetesResource> observed() {
    return CrossplaneBackend.INSTANCE.renderAssumingReady(pipeline).desired().stream()
        .map(CrossplaneBackend.INSTANCE::withAssumedStatus)
        .map(
            mr ->
                Serialization.unmarshal(Serialization.asJson(mr), GenericKubernetesResource.class))
        .toList();
  }

  @Test
  void compactedMrsHoldTheSameContentAndRenderTheSameStack() {
    List<GenericKubernetesResource> fresh = observed();
    List<GenericKubernetesResource> compacted =
        observed().stream().map(CompactTrees::compacted).toList();

    for (int i = 0; i < fresh.size(); i++) {
      assertThat(Serialization.unmarshal(Serialization.asJson(compacted.get(i)), JsonNode.class))
          .isEqualTo(Serialization.unmarshal(Serialization.asJson(fresh.get(i)), JsonNode.class));
    }
    assertThat(
            Serialization.asJson(
                CrossplaneBackend.INSTANCE.render(pipeline, new ObservedObjects(compacted))))
        .isEqualTo(
            Serialization.asJson(
                CrossplaneBackend.INSTANCE.render(pipeline, new ObservedObjects(fresh))));
  }

  @Test
  @SuppressWarnings("unchecked")
  void repeatedStringsAreSharedAndTreesAreReadOnly() {
    List<GenericKubernetesResource> compacted =
        observed().stream().map(CompactTrees::compacted).toList();
    GenericKubernetesResource first = compacted.get(0);
    GenericKubernetesResource second = compacted.get(1);

    // the same region read from two MRs is one string object
    assertThat(Fixtures.forProvider(first).get("region"))
        .isNotNull()
        .isSameAs(Fixtures.forProvider(second).get("region"));
    assertThat(first.getMetadata().getOwnerReferences().get(0).getUid())
        .isSameAs(second.getMetadata().getOwnerReferences().get(0).getUid());
    Map<String, Object> spec = (Map<String, Object>) first.getAdditionalProperties().get("spec");
    assertThatThrownBy(() -> spec.put("deletionPolicy", "Orphan"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> first.getMetadata().getLabels().put("team", "x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  @SuppressWarnings("unchecked")
  void explicitNullsAreKept() {
    GenericKubernetesResource mr = observed().get(0);
    Map<String, Object> withNull = new java.util.LinkedHashMap<>();
    withNull.put("kept", null);
    withNull.put("list", java.util.Arrays.asList("a", null));
    mr.setAdditionalProperty("extra", withNull);

    @SuppressWarnings("unchecked")
    Map<String, Object> extra =
        (Map<String, Object>) CompactTrees.compacted(mr).getAdditionalProperties().get("extra");

    assertThat(extra).containsEntry("kept", null);
    assertThat((List<Object>) extra.get("list")).containsExactly("a", null);
  }
}
