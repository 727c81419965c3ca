package io.fraudpipeline.operator.crossplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.stack.ObservedObjects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator's cache drops the provider's echo of the spec without changing what it renders. */
class CachedFieldsTest {

  @Test
  @SuppressWarnings("unchecked")
  void prunedStatusesRenderTheSameStackAndAreSmaller() {
    FraudPipeline pipeline = Fixtures.seed();
    List<GenericKubernetesResource> echoed = new ArrayList<>();
    for (var mr : CrossplaneBackend.INSTANCE.renderAssumingReady(pipeline).desired()) {
      // as an Upjet provider reports it: the whole forProvider again under atProvider
      GenericKubernetesResource observed = CrossplaneBackend.INSTANCE.withAssumedStatus(mr);
      Map<String, Object> status =
          (Map<String, Object>) observed.getAdditionalProperties().get("status");
      Map<String, Object> atProvider =
          new LinkedHashMap<>((Map<String, Object>) status.get("atProvider"));
      Fixtures.forProvider(observed).forEach(atProvider::putIfAbsent);
      status.put("atProvider", atProvider);
      observed
          .getMetadata()
          .setManagedFields(
              List.of(new ManagedFieldsEntryBuilder().withManager("crossplane").build()));
      echoed.add(Serialization.clone(observed));
    }
    String before =
        Serialization.asJson(
            CrossplaneBackend.INSTANCE.render(pipeline, new ObservedObjects(echoed)));
    int sizeBefore = Serialization.asJson(echoed).length();

    List<GenericKubernetesResource> pruned = echoed.stream().map(CachedFields::pruned).toList();

    assertThat(
            Serialization.asJson(
                CrossplaneBackend.INSTANCE.render(pipeline, new ObservedObjects(pruned))))
        .isEqualTo(before);
    assertThat(pruned).allSatisfy(r -> assertThat(r.getMetadata().getManagedFields()).isNull());
    // the echo is about a quarter of an MR here (real managedFields would add more)
    assertThat(Serialization.asJson(pruned).length()).isLessThan(sizeBefore * 85 / 100);
    GenericKubernetesResource table =
        pruned.stream().filter(r -> r.getKind().equals("Table")).findFirst().orElseThrow();
    assertThat(
            (Map<String, Object>)
                ((Map<String, Object>) table.getAdditionalProperties().get("status"))
                    .get("atProvider"))
        .containsOnlyKeys("arn", "id", "streamArn");
  }
}
