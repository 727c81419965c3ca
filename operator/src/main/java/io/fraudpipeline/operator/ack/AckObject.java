package io.fraudpipeline.operator.ack;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.crossplane.ManagedKind;
import io.fraudpipeline.operator.crossplane.kinds.ManagedResource;
import io.fraudpipeline.operator.model.Json;
import io.fraudpipeline.operator.model.Ownership;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One ACK object being built: the metadata every object of a pipeline shares (namespace, owner,
 * labels, region annotation) and tags in the kind's shape, plus what the caller puts in {@code
 * spec}. ACK specs are flat: no {@code forProvider}, no provider config (the namespace's ACK
 * account setup applies).
 */
final class AckObject {

  private final ManagedKind kind;
  private final ManagedResource resource;
  private final Map<String, Object> spec = new LinkedHashMap<>();
  private final Map<String, String> annotations = new LinkedHashMap<>();

  AckObject(ManagedKind kind, String name, FraudPipeline pipeline, Map<String, String> tags) {
    this.kind = kind;
    this.resource = newResource(kind);
    ObjectMeta meta = new ObjectMeta();
    meta.setName(name);
    meta.setNamespace(pipeline.getMetadata().getNamespace());
    meta.setLabels(Ownership.labels(pipeline));
    if (pipeline.getMetadata().getUid() != null) {
      meta.setOwnerReferences(List.of(Ownership.ownerReference(pipeline)));
    }
    resource.setMetadata(meta);
    annotations.put(AckAnnotations.REGION, pipeline.getSpec().getRegion());
    Object rendered = AckKinds.tags(kind).render(tags);
    if (rendered != null) {
      spec.put("tags", rendered);
    }
  }

  ManagedKind kind() {
    return kind;
  }

  String name() {
    return resource.getMetadata().getName();
  }

  AckObject set(String field, Object value) {
    if (value != null) {
      spec.put(field, value);
    }
    return this;
  }

  /** An ACK reference to another object of this pipeline: {@code roleRef: {from: {name}}}. */
  AckObject ref(String field, String objectName) {
    return set(field, ref(objectName));
  }

  static Map<String, Object> ref(String objectName) {
    return Map.of("from", Map.of("name", objectName));
  }

  AckObject annotate(String key, String value) {
    annotations.put(key, value);
    return this;
  }

  /** Find the AWS object by these fields before creating one. */
  AckObject adoptOrCreate(Map<String, String> fields) {
    annotate(AckAnnotations.ADOPTION_POLICY, AckAnnotations.ADOPT_OR_CREATE);
    // sorted: the annotation must read the same in every JVM, or each restart rewrites it
    return annotate(AckAnnotations.ADOPTION_FIELDS, Json.write(new TreeMap<>(fields)));
  }

  Map<String, Object> spec() {
    return spec;
  }

  ManagedResource build() {
    resource.getMetadata().setAnnotations(annotations);
    resource.setAdditionalProperty("spec", spec);
    return resource;
  }

  static ManagedResource newResource(ManagedKind kind) {
    try {
      ManagedResource r = kind.type().getDeclaredConstructor().newInstance();
      r.setApiVersion(kind.apiVersion());
      r.setKind(kind.kind());
      return r;
    } catch (InstantiationException
        | IllegalAccessException
        | InvocationTargetException
        | NoSuchMethodException e) {
      throw new IllegalStateException("cannot instantiate " + kind.type(), e);
    }
  }
}
