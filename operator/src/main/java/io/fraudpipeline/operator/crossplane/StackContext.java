package io.fraudpipeline.operator.crossplane;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fraudpipeline.api.v1alpha1.DeletionPolicy;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.FraudPipelineSpec;
import io.fraudpipeline.api.v1alpha1.PendingResource;
import io.fraudpipeline.operator.crossplane.kinds.ManagedResource;
import io.fraudpipeline.operator.model.AwsNames;
import io.fraudpipeline.operator.model.Ownership;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the resource families share while building one pipeline's stack. */
final class StackContext {

  final FraudPipeline pipeline;
  final FraudPipelineSpec spec;
  final AwsNames names;
  final ObservedResources observed;
  final List<ManagedResource> desired = new ArrayList<>();
  final List<PendingResource> waiting = new ArrayList<>();
  private final Map<String, String> tags;

  StackContext(FraudPipeline pipeline, String suffix, ObservedResources observed) {
    this.pipeline = pipeline;
    this.spec = pipeline.getSpec();
    this.names = new AwsNames(suffix);
    this.observed = observed;
    Map<String, String> t = new LinkedHashMap<>();
    if (spec.getTags() != null) {
      t.putAll(spec.getTags());
    }
    t.put(Ownership.ENVIRONMENT_TAG, suffix);
    this.tags = t;
  }

  /** Kubernetes name of an MR of this pipeline: {@code <pipeline>-<component>}. */
  String mrName(String component) {
    return pipeline.getMetadata().getName() + "-" + component;
  }

  MrBuilder mr(ManagedKind kind, String component) {
    return new MrBuilder(kind, mrName(component), pipeline, tags);
  }

  Needs needs() {
    return new Needs(observed);
  }

  boolean retain() {
    return spec.getDeletionPolicy() != DeletionPolicy.DELETE;
  }

  void emit(MrBuilder mr) {
    desired.add(mr.build());
  }

  /**
   * Keeps an observed MR as it is, though the model no longer builds it (a deployment on its way
   * out): it stays desired, so it is neither changed nor deleted yet.
   */
  void keep(GenericKubernetesResource observedMr) {
    ManagedKind kind =
        CrossplaneKinds.find(observedMr.getApiVersion(), observedMr.getKind()).orElseThrow();
    ManagedResource copy = kind.newResource();
    ObjectMeta meta = new ObjectMeta();
    meta.setName(observedMr.getMetadata().getName());
    meta.setNamespace(observedMr.getMetadata().getNamespace());
    meta.setLabels(observedMr.getMetadata().getLabels());
    meta.setAnnotations(observedMr.getMetadata().getAnnotations());
    meta.setOwnerReferences(observedMr.getMetadata().getOwnerReferences());
    copy.setMetadata(meta);
    copy.setAdditionalProperty("spec", observedMr.getAdditionalProperties().get("spec"));
    desired.add(copy);
  }

  /** Emits the MR if all it needs is known, else records it as waiting, with the reason. */
  void emit(MrBuilder mr, Needs needs) {
    if (needs.met()) {
      emit(mr);
    } else {
      waiting.add(new PendingResource(mr.kind().kind(), mr.name(), needs.describe()));
    }
  }
}
