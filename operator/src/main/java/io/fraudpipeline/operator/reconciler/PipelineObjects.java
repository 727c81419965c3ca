package io.fraudpipeline.operator.reconciler;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.backend.StackBackend;
import io.fraudpipeline.operator.model.Ownership;
import io.fraudpipeline.operator.stack.ManagedKind;
import io.fraudpipeline.operator.stack.ObservedObjects;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.ArrayList;
import java.util.List;

/** A pipeline's objects in the informers' caches, found by the pipeline label. */
final class PipelineObjects {

  private PipelineObjects() {}

  static ObservedObjects observed(
      FraudPipeline pipeline, Context<FraudPipeline> context, StackBackend backend) {
    return observed(pipeline, context, backend.kinds());
  }

  /** Of these kinds only: those whose CRD exists, as a deletion reads them. */
  static ObservedObjects observed(
      FraudPipeline pipeline, Context<FraudPipeline> context, List<ManagedKind> kinds) {
    List<GenericKubernetesResource> out = new ArrayList<>();
    for (ManagedKind kind : kinds) {
      for (GenericKubernetesResource r : context.getSecondaryResources(kind.type())) {
        if (ownedBy(pipeline, r)) {
          out.add(r);
        }
      }
    }
    return new ObservedObjects(out);
  }

  static boolean ownedBy(FraudPipeline pipeline, GenericKubernetesResource r) {
    var labels = r.getMetadata().getLabels();
    return labels != null
        && pipeline.getMetadata().getName().equals(labels.get(Ownership.PIPELINE_LABEL));
  }
}
