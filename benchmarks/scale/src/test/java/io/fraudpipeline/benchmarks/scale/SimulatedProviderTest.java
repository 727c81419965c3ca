package io.fraudpipeline.benchmarks.scale;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatedProviderTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aNewObjectGetsReadyStatusWithItsSpecEchoedAndItsGeneration() {
    GenericKubernetesResource queue = queue(1L);

    assertThat(SimulatedProvider.needsStatus(queue)).isTrue();
    Map<String, Object> status = SimulatedProvider.statusFor(queue);

    assertThat(status).containsEntry("observedGeneration", 1L);
    @SuppressWarnings("unchecked")
    Map<String, Object> atProvider = (Map<String, Object>) status.get("atProvider");
    assertThat(atProvider)
        .containsEntry("arn", "arn:aws:sqs:us-east-1:000000000000:dlq-a")
        .containsEntry("name", "dlq-a")
        .containsEntry("messageRetentionSeconds", 1209600);
    assertThat(status.get("conditions").toString()).contains("Ready").contains("Synced");
  }

  @Test
  void anObjectCarryingItsStatusNeedsNoWriteEvenAfterAJsonRoundTrip() throws Exception {
    GenericKubernetesResource queue = queue(3L);
    queue.setAdditionalProperty("status", SimulatedProvider.statusFor(queue));
    // as the informer sees it: read back from the server's JSON (the generation becomes an int)
    GenericKubernetesResource fromServer =
        JSON.readValue(JSON.writeValueAsString(queue), GenericKubernetesResource.class);

    assertThat(SimulatedProvider.needsStatus(fromServer)).isFalse();
  }

  @Test
  void aSpecChangeNeedsANewStatus() throws Exception {
    GenericKubernetesResource queue = queue(1L);
    queue.setAdditionalProperty("status", SimulatedProvider.statusFor(queue));
    queue.getMetadata().setGeneration(2L);

    assertThat(SimulatedProvider.needsStatus(queue)).isTrue();
  }

  @Test
  void theWrittenCopyCarriesTheVersionSeenAndLeavesTheCachedObjectAlone() {
    GenericKubernetesResource queue = queue(1L);

    GenericKubernetesResource written = SimulatedProvider.withStatus(queue);

    assertThat(written.getMetadata().getResourceVersion()).isEqualTo("42");
    assertThat(written.getAdditionalProperties()).containsKey("status");
    assertThat(queue.getAdditionalProperties()).doesNotContainKey("status");
  }

  private static GenericKubernetesResource queue(long generation) {
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion("sqs.aws.m.upbound.io/v1beta1");
    r.setKind("Queue");
    r.setMetadata(
        new ObjectMetaBuilder()
            .withName("dlq-a")
            .withNamespace("ns")
            .withGeneration(generation)
            .withResourceVersion("42")
            .build());
    Map<String, Object> forProvider = new LinkedHashMap<>();
    forProvider.put("region", "us-east-1");
    forProvider.put("name", "dlq-a");
    forProvider.put("messageRetentionSeconds", 1209600);
    forProvider.put("tags", Map.of("team", "payments"));
    r.setAdditionalProperty("spec", new LinkedHashMap<>(Map.of("forProvider", forProvider)));
    return r;
  }
}
