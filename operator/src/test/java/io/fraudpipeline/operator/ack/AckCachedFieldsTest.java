package io.fraudpipeline.operator.ack;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fraudpipeline.api.v1alpha1.Backend;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.stack.ObservedObjects;
import io.fraudpipeline.operator.stack.RenderedStack;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The informer cache keeps of an ACK object only what the model reads, and nothing it needs. */
class AckCachedFieldsTest {

  @Test
  @SuppressWarnings("unchecked")
  void theStackRendersTheSameFromPrunedObjects() {
    FraudPipeline pipeline = Fixtures.seed();
    pipeline.getSpec().setBackend(Backend.ACK);
    RenderedStack ready = AckBackend.INSTANCE.renderAssumingReady(pipeline);
    List<GenericKubernetesResource> full =
        ready.desired().stream()
            .map(AckAssumedStatuses::withStatus)
            .map(
                r -> {
                  Map<String, Object> status =
                      new LinkedHashMap<>(
                          (Map<String, Object>) r.getAdditionalProperties().get("status"));
                  // what controllers report beside what the model reads
                  status.put("itemCount", 12345);
                  status.put("methodSettings", Map.of("*/*", Map.of("throttlingRateLimit", 1000)));
                  r.setAdditionalProperty("status", status);
                  return r;
                })
            .toList();
    List<GenericKubernetesResource> pruned =
        full.stream().map(r -> Serialization.clone(r)).map(AckCachedFields::pruned).toList();

    assertThat(pruned)
        .allSatisfy(
            r ->
                assertThat((Map<String, Object>) r.getAdditionalProperties().get("status"))
                    .doesNotContainKeys("itemCount", "methodSettings")
                    .containsKeys("conditions", "ackResourceMetadata"));
    RenderedStack fromFull = AckBackend.INSTANCE.render(pipeline, new ObservedObjects(full));
    RenderedStack fromPruned = AckBackend.INSTANCE.render(pipeline, new ObservedObjects(pruned));
    assertThat(Serialization.asJson(fromPruned.desired()))
        .isEqualTo(Serialization.asJson(fromFull.desired()));
    assertThat(fromPruned.waiting()).isEqualTo(fromFull.waiting()).isEmpty();
    assertThat(fromPruned.apiEndpoint()).isEqualTo(fromFull.apiEndpoint()).isNotNull();
  }
}
