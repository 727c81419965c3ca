package io.fraudpipeline.operator.ack;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fraudpipeline.api.v1alpha1.DeletionPolicy;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.FraudPipelineSpec;
import io.fraudpipeline.api.v1alpha1.PendingResource;
import io.fraudpipeline.api.v1alpha1.UnsupportedSetting;
import io.fraudpipeline.operator.crossplane.ManagedKind;
import io.fraudpipeline.operator.crossplane.ObservedResources;
import io.fraudpipeline.operator.crossplane.kinds.ManagedResource;
import io.fraudpipeline.operator.model.AwsNames;
import io.fraudpipeline.operator.model.AwsPartition;
import io.fraudpipeline.operator.model.Ownership;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the parts of the ACK stack share while building one pipeline's objects. */
final class AckContext {

  final FraudPipeline pipeline;
  final FraudPipelineSpec spec;
  final AwsNames names;
  final ObservedResources observed;
  final String partition;
  final List<ManagedResource> desired = new ArrayList<>();
  final List<PendingResource> waiting = new ArrayList<>();
  final List<UnsupportedSetting> unsupported = new ArrayList<>();
  private final Map<String, String> tags;

  AckContext(FraudPipeline pipeline, String suffix, ObservedResources observed) {
    this.pipeline = pipeline;
    this.spec = pipeline.getSpec();
    this.names = new AwsNames(suffix);
    this.observed = observed;
    this.partition = AwsPartition.of(spec.getRegion());
    Map<String, String> t = new LinkedHashMap<>();
    if (spec.getTags() != null) {
      t.putAll(spec.getTags());
    }
    t.put(Ownership.ENVIRONMENT_TAG, suffix);
    this.tags = t;
  }

  /** Kubernetes name of an object of this pipeline: {@code <pipeline>-<component>}. */
  String name(String component) {
    return pipeline.getMetadata().getName() + "-" + component;
  }

  AckObject object(ManagedKind kind, String component) {
    return new AckObject(kind, name(component), pipeline, tags);
  }

  AckNeeds needs() {
    return new AckNeeds(observed);
  }

  boolean retain() {
    return spec.getDeletionPolicy() != DeletionPolicy.DELETE;
  }

  void emit(AckObject object) {
    desired.add(object.build());
  }

  /** Emits the object if all it needs is known, else records it as waiting, with the reason. */
  void emit(AckObject object, AckNeeds needs) {
    if (needs.met()) {
      emit(object);
    } else {
      waiting.add(new PendingResource(object.kind().kind(), object.name(), needs.describe()));
    }
  }

  void unsupported(String field, String reason) {
    unsupported.add(new UnsupportedSetting(field, reason));
  }

  /**
   * Keeps an observed object as it is, though the model no longer builds it (one on its way out).
   */
  void keep(GenericKubernetesResource observedObject) {
    ManagedKind kind =
        AckKinds.all().stream()
            .filter(k -> k.kind().equals(observedObject.getKind()))
            .findFirst()
            .orElseThrow();
    ManagedResource copy = AckObject.newResource(kind);
    ObjectMeta meta = new ObjectMeta();
    meta.setName(observedObject.getMetadata().getName());
    meta.setNamespace(observedObject.getMetadata().getNamespace());
    meta.setLabels(observedObject.getMetadata().getLabels());
    meta.setAnnotations(observedObject.getMetadata().getAnnotations());
    meta.setOwnerReferences(observedObject.getMetadata().getOwnerReferences());
    copy.setMetadata(meta);
    copy.setAdditionalProperty("spec", observedObject.getAdditionalProperties().get("spec"));
    desired.add(copy);
  }

  /** The observed objects of a kind whose name starts with this component's name. */
  List<GenericKubernetesResource> observedStartingWith(ManagedKind kind, String component) {
    return observed.ofKind(kind).stream()
        .filter(o -> o.getMetadata().getName().startsWith(name(component)))
        .toList();
  }
}
