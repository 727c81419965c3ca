package io.fraudpipeline.benchmarks.scale;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.crossplane.CrossplaneBackend;
import io.fraudpipeline.operator.crossplane.CrossplaneKinds;
import io.fraudpipeline.operator.stack.ManagedObject;
import io.fraudpipeline.operator.stack.ObservedObjects;
import io.fraudpipeline.operator.stack.RenderedStack;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FloorStackTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theFloorCreatesWhatTheOperatorEndsWithOnceTheSimulatedProviderReportsEveryStatus()
      throws Exception {
    FraudPipeline pipeline = Pipelines.of(3, 2).get(2);

    Map<String, Object> floor = byKindAndName(FloorStack.of(pipeline));
    Map<String, Object> operator = byKindAndName(operatorsFinalStack(pipeline));

    assertThat(floor).isNotEmpty().isEqualTo(operator);
  }

  @Test
  void theFloorsObjectsAreTheEmittedKindsWithoutStatusOrOwner() throws Exception {
    List<GenericKubernetesResource> mrs = FloorStack.of(Pipelines.of(1, 1).get(0));

    assertThat(mrs)
        .allSatisfy(
            mr -> {
              assertThat(CrossplaneKinds.find(mr.getApiVersion(), mr.getKind())).isPresent();
              assertThat(mr.getAdditionalProperties())
                  .containsKey("spec")
                  .doesNotContainKey("status");
              assertThat(mr.getMetadata().getOwnerReferences()).isNullOrEmpty();
              assertThat(mr.getMetadata().getNamespace()).isEqualTo("bench-00");
            });
  }

  @Test
  void pipelinesHaveSuffixesOfTheirOwnAndFillNamespacesInTurn() throws Exception {
    List<FraudPipeline> pipelines = Pipelines.of(5, 2);

    assertThat(pipelines)
        .extracting(p -> p.getMetadata().getNamespace() + "/" + p.getSpec().getEnvironmentSuffix())
        .containsExactly(
            "bench-00/p0000",
            "bench-00/p0001",
            "bench-01/p0002",
            "bench-01/p0003",
            "bench-02/p0004");
    assertThat(Pipelines.namespaces(pipelines)).containsExactly("bench-00", "bench-01", "bench-02");
  }

  /** The operator's passes, each seeing the provider's statuses of what the last pass built. */
  private static List<ManagedObject> operatorsFinalStack(FraudPipeline pipeline) {
    RenderedStack stack = CrossplaneBackend.INSTANCE.render(pipeline, ObservedObjects.none());
    for (int pass = 0; pass < 20 && !stack.waiting().isEmpty(); pass++) {
      List<GenericKubernetesResource> observed =
          stack.desired().stream()
              .map(
                  mr -> {
                    GenericKubernetesResource seen = SimulatedProvider.withStatus(mr);
                    seen.setMetadata(mr.getMetadata());
                    return seen;
                  })
              .toList();
      stack = CrossplaneBackend.INSTANCE.render(pipeline, new ObservedObjects(observed));
    }
    assertThat(stack.waiting()).as("MRs still waiting after the provider reported all").isEmpty();
    return stack.desired();
  }

  private static Map<String, Object> byKindAndName(List<? extends GenericKubernetesResource> mrs) {
    Map<String, Object> out = new TreeMap<>();
    for (GenericKubernetesResource mr : mrs) {
      out.put(
          mr.getKind() + "/" + mr.getMetadata().getName(),
          JSON.valueToTree(mr.getAdditionalProperties().get("spec")));
    }
    return out;
  }
}
