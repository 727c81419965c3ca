package io.fraudpipeline.operator.stack;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fraudpipeline.api.v1alpha1.Authorization;
import io.fraudpipeline.api.v1alpha1.DeletionPolicy;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.FraudPipelineSpec;
import io.fraudpipeline.api.v1alpha1.PendingResource;
import io.fraudpipeline.api.v1alpha1.UnsupportedSetting;
import io.fraudpipeline.operator.model.AwsNames;
import io.fraudpipeline.operator.model.CheckDesign;
import io.fraudpipeline.operator.model.FieldChange;
import io.fraudpipeline.operator.model.Ownership;
import io.fraudpipeline.operator.model.SpecCheck;
import io.fraudpipeline.operator.model.Subset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One render of a pipeline's stack in progress, whichever the backend: the pipeline, what is
 * observed, and the objects built or held back so far. The backend's recipe adds to it; {@link
 * #result} is the rendered stack.
 */
public final class StackBuild {

  public final FraudPipeline pipeline;
  public final FraudPipelineSpec spec;
  public final AwsNames names;
  public final ObservedObjects observed;
  public final Dialect dialect;
  private final List<ManagedObject> desired = new ArrayList<>();
  private final List<PendingResource> waiting = new ArrayList<>();
  private final List<UnsupportedSetting> unsupported = new ArrayList<>();
  private final List<Replacement> replacements = new ArrayList<>();
  private final Map<String, String> tags;

  /**
   * @throws io.fraudpipeline.operator.model.InvalidSpecException naming the field the operator
   *     cannot act on
   */
  public StackBuild(FraudPipeline pipeline, ObservedObjects observed, Dialect dialect) {
    String suffix = SpecCheck.check(pipeline);
    SpecCheck.suffixKept(pipeline, suffix, !observed.all().isEmpty());
    this.pipeline = pipeline;
    this.spec = pipeline.getSpec();
    this.names = new AwsNames(suffix);
    this.observed = observed;
    this.dialect = dialect;
    Map<String, String> t = new LinkedHashMap<>();
    if (spec.getTags() != null) {
      t.putAll(spec.getTags());
    }
    t.put(Ownership.ENVIRONMENT_TAG, suffix);
    this.tags = t;
  }

  /** Kubernetes name of an object of this pipeline: {@code <pipeline>-<component>}. */
  public String name(String component) {
    return pipeline.getMetadata().getName() + "-" + component;
  }

  public ObjectBuilder object(ResourceType type, String component) {
    return object(dialect.kind(type), component);
  }

  public ObjectBuilder object(ManagedKind kind, String component) {
    return dialect.object(kind, name(component), pipeline, tags);
  }

  public Needs needs() {
    return new Needs(pipeline.getMetadata().getName(), observed, dialect);
  }

  /** The tables outlive the pipeline (the default). */
  public boolean retain() {
    return spec.getDeletionPolicy() != DeletionPolicy.DELETE;
  }

  /** An output of an observed object of this pipeline, by component; null until reported. */
  public String reported(ResourceType type, String component, Output output) {
    return observed
        .find(dialect.kind(type), name(component))
        .map(r -> dialect.output(r, output))
        .orElse(null);
  }

  public boolean isReady(ResourceType type, String component) {
    return observed.find(dialect.kind(type), name(component)).map(dialect::isReady).orElse(false);
  }

  /** What an observed object of this pipeline names in one of its spec's references; or null. */
  public String referenced(ResourceType type, String component, String field) {
    return observed
        .find(dialect.kind(type), name(component))
        .map(r -> dialect.referencedName(r, field))
        .orElse(null);
  }

  public void emit(ObjectBuilder object) {
    desired.add(object.build());
  }

  /** Emits the object if all it needs is known, else records it as waiting, with the reason. */
  public void emit(ObjectBuilder object, Needs needs) {
    if (needs.met()) {
      emit(object);
    } else {
      hold(object.kind(), object.name(), needs);
    }
  }

  /** Records an object as waiting for what {@code needs} misses. */
  public void hold(ManagedKind kind, String objectName, Needs needs) {
    waiting.add(new PendingResource(kind.kind(), objectName, needs.describe()));
  }

  /**
   * Keeps an observed object as it is, though the model no longer builds it (one on its way out):
   * it stays desired, so it is neither changed nor deleted yet.
   */
  public void keep(ManagedKind kind, GenericKubernetesResource observedObject) {
    ManagedObject copy = kind.newObject();
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
  public List<GenericKubernetesResource> observedStartingWith(ManagedKind kind, String component) {
    return observed.ofKind(kind).stream()
        .filter(o -> o.getMetadata().getName().startsWith(name(component)))
        .toList();
  }

  /**
   * Records that {@code next} replaces the observed {@code current} if any of these fields, which
   * its backend cannot change in place, differ between them.
   *
   * @param immutableFields names among the fields {@code next} sets ({@link ObjectBuilder#fields})
   * @param cost what the replacement costs, in a sentence
   */
  public void replaces(
      ObjectBuilder next,
      GenericKubernetesResource current,
      List<String> immutableFields,
      String cost) {
    List<String> location = next.fieldsLocation();
    String path = String.join(".", location);
    Object held =
        FieldPath.get(
            current, location.get(0), location.subList(1, location.size()).toArray(String[]::new));
    List<FieldChange> changed = new ArrayList<>();
    for (String field : immutableFields) {
      Object before = held instanceof Map<?, ?> m ? m.get(field) : null;
      Object after = next.fields().get(field);
      if (!Subset.contains(before, after)) {
        changed.add(new FieldChange(path + "." + field, before, after));
      }
    }
    if (!changed.isEmpty()) {
      replacements.add(
          new Replacement(
              next.kind().kind(), current.getMetadata().getName(), next.name(), changed, cost));
    }
  }

  /** A setting of the spec the backend cannot apply, reported rather than dropped. */
  public void unsupported(String field, String reason) {
    unsupported.add(new UnsupportedSetting(field, reason));
  }

  public RenderedStack result(
      String apiEndpoint, String alertTopicArn, Map<String, String> liveVersions) {
    if (spec.getOutputs() != null
        && spec.getOutputs().getSecretName() != null
        && spec.getApi().getAuthorization() != Authorization.API_KEY) {
      unsupported(
          "spec.outputs.secretName",
          "used only with spec.api.authorization API_KEY: with "
              + spec.getApi().getAuthorization().name()
              + " there is no key to hand over");
    }
    CheckDesign.notRunning(spec).ifPresent(why -> unsupported("spec.check.enabled", why));
    String dashboardUrl = DashboardObjects.url(this);
    return new RenderedStack(
        names,
        desired,
        waiting,
        apiEndpoint,
        dashboardUrl,
        alertTopicArn,
        liveVersions,
        unsupported,
        ApplicationOutputs.of(this, apiEndpoint, alertTopicArn, dashboardUrl),
        replacements);
  }
}
