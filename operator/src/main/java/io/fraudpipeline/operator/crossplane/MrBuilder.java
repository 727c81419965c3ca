package io.fraudpipeline.operator.crossplane;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.crossplane.kinds.ManagedResource;
import io.fraudpipeline.operator.model.Ownership;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One managed resource being built: the metadata and spec every MR of a pipeline shares (namespace,
 * owner, labels, providerConfigRef, region, tags), plus what the caller puts in {@code
 * forProvider}.
 */
final class MrBuilder {

  static final String EXTERNAL_NAME = "crossplane.io/external-name";

  private final ManagedKind kind;
  private final ManagedResource resource;
  private final Map<String, Object> forProvider = new LinkedHashMap<>();
  private final Map<String, Object> spec = new LinkedHashMap<>();

  MrBuilder(ManagedKind kind, String name, FraudPipeline pipeline, Map<String, String> tags) {
    this.kind = kind;
    this.resource = kind.newResource();
    ObjectMeta meta = new ObjectMeta();
    meta.setName(name);
    meta.setNamespace(pipeline.getMetadata().getNamespace());
    meta.setLabels(Ownership.labels(pipeline));
    if (pipeline.getMetadata().getUid() != null) {
      meta.setOwnerReferences(List.of(Ownership.ownerReference(pipeline)));
    }
    resource.setMetadata(meta);
    if (kind.regional()) {
      forProvider.put("region", pipeline.getSpec().getRegion());
    }
    if (kind.tagged()) {
      forProvider.put("tags", tags);
    }
    spec.put("forProvider", forProvider);
    var ref = pipeline.getSpec().getProviderConfigRef();
    Map<String, Object> providerConfigRef = new LinkedHashMap<>();
    providerConfigRef.put("kind", ref.getKind().kindName());
    providerConfigRef.put("name", ref.getName());
    spec.put("providerConfigRef", providerConfigRef);
  }

  ManagedKind kind() {
    return kind;
  }

  String name() {
    return resource.getMetadata().getName();
  }

  /** The AWS name, for kinds whose identifier is the name the user chooses. */
  MrBuilder externalName(String awsName) {
    resource.getMetadata().setAnnotations(new LinkedHashMap<>(Map.of(EXTERNAL_NAME, awsName)));
    return this;
  }

  MrBuilder set(String field, Object value) {
    if (value != null) {
      forProvider.put(field, value);
    }
    return this;
  }

  /** A provider-resolved reference to another MR of this pipeline: {@code roleRef: {name: ...}}. */
  MrBuilder ref(String field, String mrName) {
    return set(field, ref(mrName));
  }

  static Map<String, Object> ref(String mrName) {
    return Map.of("name", mrName);
  }

  MrBuilder managementPolicies(List<String> policies) {
    spec.put("managementPolicies", policies);
    return this;
  }

  Map<String, Object> forProvider() {
    return forProvider;
  }

  ManagedResource build() {
    resource.setAdditionalProperty("spec", spec);
    return resource;
  }
}
