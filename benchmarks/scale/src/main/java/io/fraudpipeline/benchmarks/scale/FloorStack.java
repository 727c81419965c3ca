package io.fraudpipeline.benchmarks.scale;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.crossplane.CrossplaneBackend;
import io.fraudpipeline.operator.stack.RenderedStack;
import java.util.ArrayList;
import java.util.List;

/**
 * What the floor creates for a pipeline: the operator's pure model rendered to its final state (as
 * {@code render --assume-ready} does), every MR in its last spec, no status and no owner (there is
 * no FraudPipeline object): the least a client can write to get the same stack.
 */
final class FloorStack {

  private FloorStack() {}

  static List<GenericKubernetesResource> of(FraudPipeline pipeline) {
    RenderedStack stack = CrossplaneBackend.INSTANCE.renderAssumingReady(pipeline);
    if (!stack.waiting().isEmpty()) {
      throw new IllegalStateException(
          "the model still holds back MRs with every status assumed: " + stack.waiting());
    }
    List<GenericKubernetesResource> out = new ArrayList<>();
    for (GenericKubernetesResource mr : stack.desired()) {
      GenericKubernetesResource copy = new GenericKubernetesResource();
      copy.setApiVersion(mr.getApiVersion());
      copy.setKind(mr.getKind());
      copy.setMetadata(mr.getMetadata());
      copy.setAdditionalProperty("spec", mr.getAdditionalProperties().get("spec"));
      out.add(copy);
    }
    return out;
  }
}
