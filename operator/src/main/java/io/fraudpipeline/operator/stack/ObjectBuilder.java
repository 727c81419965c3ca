package io.fraudpipeline.operator.stack;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.model.Ownership;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One managed object being built: the metadata every object of a pipeline shares (namespace, owner,
 * labels), and the fields the model sets. Where those fields go ({@code spec.forProvider} or {@code
 * spec}) and how a reference to another object reads are the dialect's.
 */
public final class ObjectBuilder {

  private final ManagedKind kind;
  private final ManagedObject object;
  private final Map<String, Object> spec;
  private final Map<String, Object> fields;
  private final Map<String, String> annotations = new LinkedHashMap<>();
  private final Function<String, Object> referenceShape;

  /**
   * @param spec the object's {@code spec}, as the dialect starts it
   * @param fields the map within it that {@link #set} writes to (the spec itself, or a part)
   * @param referenceShape how a reference to another object of the pipeline, by name, reads
   */
  public ObjectBuilder(
      ManagedKind kind,
      String name,
      FraudPipeline pipeline,
      Map<String, Object> spec,
      Map<String, Object> fields,
      Function<String, Object> referenceShape) {
    this.kind = kind;
    this.object = kind.newObject();
    this.spec = spec;
    this.fields = fields;
    this.referenceShape = referenceShape;
    ObjectMeta meta = new ObjectMeta();
    meta.setName(name);
    meta.setNamespace(pipeline.getMetadata().getNamespace());
    meta.setLabels(Ownership.labels(pipeline));
    if (pipeline.getMetadata().getUid() != null) {
      meta.setOwnerReferences(List.of(Ownership.ownerReference(pipeline)));
    }
    object.setMetadata(meta);
  }

  public ManagedKind kind() {
    return kind;
  }

  public String name() {
    return object.getMetadata().getName();
  }

  /** Sets a field the model decides; a null value leaves it out. */
  public ObjectBuilder set(String field, Object value) {
    if (value != null) {
      fields.put(field, value);
    }
    return this;
  }

  /** A reference, resolved by the controller, to another object of this pipeline. */
  public ObjectBuilder ref(String field, String objectName) {
    return set(field, reference(objectName));
  }

  /** The shape of a reference to another object of this pipeline, to nest in a field. */
  public Object reference(String objectName) {
    return referenceShape.apply(objectName);
  }

  public ObjectBuilder annotate(String key, String value) {
    annotations.put(key, value);
    return this;
  }

  /** A field of {@code spec} beside the model's fields (e.g. Crossplane's management policies). */
  public ObjectBuilder specField(String field, Object value) {
    spec.put(field, value);
    return this;
  }

  /** The fields set so far: what a change of this object is compared by. */
  public Map<String, Object> fields() {
    return fields;
  }

  /**
   * Where {@link #fields} are in the object: {@code [spec]}, or {@code [spec, forProvider]} when
   * the dialect nests them.
   */
  public List<String> fieldsLocation() {
    if (fields == spec) {
      return List.of("spec");
    }
    for (Map.Entry<String, Object> e : spec.entrySet()) {
      if (e.getValue() == fields) {
        return List.of("spec", e.getKey());
      }
    }
    throw new IllegalStateException("the fields of " + name() + " are not in its spec");
  }

  public ManagedObject build() {
    if (!annotations.isEmpty()) {
      object.getMetadata().setAnnotations(annotations);
    }
    object.setAdditionalProperty("spec", spec);
    return object;
  }
}
