package io.fraudpipeline.operator.crossplane;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.stack.ControllerPause;
import io.fraudpipeline.operator.stack.DeletionPhase;
import io.fraudpipeline.operator.stack.Dialect;
import io.fraudpipeline.operator.stack.FieldPath;
import io.fraudpipeline.operator.stack.ManagedKind;
import io.fraudpipeline.operator.stack.Needs;
import io.fraudpipeline.operator.stack.ObjectBuilder;
import io.fraudpipeline.operator.stack.ObjectConditions;
import io.fraudpipeline.operator.stack.Output;
import io.fraudpipeline.operator.stack.ResourceType;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Crossplane v2 managed resources of the Upbound AWS providers: the model's fields go in {@code
 * spec.forProvider} with the region and tags, the provider config beside it; references are {@code
 * {name}}; AWS-assigned values are in {@code status.atProvider}; an MR is Ready when its {@code
 * Ready} condition is True.
 */
final class CrossplaneDialect implements Dialect {

  static final CrossplaneDialect INSTANCE = new CrossplaneDialect();

  static final String EXTERNAL_NAME = "crossplane.io/external-name";

  /** Where each output is in {@code status.atProvider}. */
  static final Map<Output, String> AT_PROVIDER = new EnumMap<>(Output.class);

  static {
    AT_PROVIDER.put(Output.ARN, "arn");
    AT_PROVIDER.put(Output.ID, "id");
    AT_PROVIDER.put(Output.STREAM_ARN, "streamArn");
    AT_PROVIDER.put(Output.INVOKE_ARN, "invokeArn");
    AT_PROVIDER.put(Output.EXECUTION_ARN, "executionArn");
    AT_PROVIDER.put(Output.INVOKE_URL, "invokeUrl");
    // a Function's latest published version, with publish: true
    AT_PROVIDER.put(Output.VERSION, "version");
    AT_PROVIDER.put(Output.FUNCTION_VERSION, "functionVersion");
    AT_PROVIDER.put(Output.URL, "url");
  }

  /** The provider leaves a paused MR alone: no observe, no update, no delete. */
  private static final ControllerPause PAUSE = new ControllerPause("crossplane.io/paused", null);

  private CrossplaneDialect() {}

  /**
   * Crossplane's own kinds go with what they serve: the stage's settings and the usage plan with
   * the stage, invoke configs and permissions with the functions, role policies with the roles.
   */
  @Override
  public Optional<DeletionPhase> deletionPhase(ManagedKind ownKind) {
    if (ownKind.equals(CrossplaneKinds.METHOD_SETTINGS)
        || ownKind.equals(CrossplaneKinds.SCHEDULE_TARGET)
        || ownKind.equals(CrossplaneKinds.USAGE_PLAN)
        || ownKind.equals(CrossplaneKinds.USAGE_PLAN_KEY)
        || ownKind.equals(CrossplaneKinds.API_KEY)) {
      return Optional.of(DeletionPhase.TRAFFIC);
    }
    if (ownKind.equals(CrossplaneKinds.FUNCTION_EVENT_INVOKE_CONFIG)
        || ownKind.equals(CrossplaneKinds.PERMISSION)) {
      return Optional.of(DeletionPhase.FUNCTIONS);
    }
    if (ownKind.equals(CrossplaneKinds.ROLE_POLICY)
        || ownKind.equals(CrossplaneKinds.ROLE_POLICY_ATTACHMENT)) {
      return Optional.of(DeletionPhase.SUPPORT);
    }
    return Optional.empty();
  }

  @Override
  public ManagedKind kind(ResourceType type) {
    return CrossplaneKinds.of(type);
  }

  @Override
  public ObjectBuilder object(
      ManagedKind kind, String name, FraudPipeline pipeline, Map<String, String> tags) {
    Map<String, Object> forProvider = new LinkedHashMap<>();
    if (kind.regional()) {
      forProvider.put("region", pipeline.getSpec().getRegion());
    }
    if (kind.tagged()) {
      forProvider.put("tags", tags);
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("forProvider", forProvider);
    var ref = pipeline.getSpec().getProviderConfigRef();
    Map<String, Object> providerConfigRef = new LinkedHashMap<>();
    providerConfigRef.put("kind", ref.getKind().kindName());
    providerConfigRef.put("name", ref.getName());
    spec.put("providerConfigRef", providerConfigRef);
    return new ObjectBuilder(kind, name, pipeline, spec, forProvider, CrossplaneDialect::ref);
  }

  /** A provider-resolved reference to another MR of the pipeline: {@code roleRef: {name: ...}}. */
  static Map<String, Object> ref(String mrName) {
    return Map.of("name", mrName);
  }

  @Override
  public String referencedName(GenericKubernetesResource observed, String field) {
    return FieldPath.string(observed, "spec", "forProvider", field, "name");
  }

  @Override
  public ControllerPause pause() {
    return PAUSE;
  }

  @Override
  public String outputName(Output output) {
    return AT_PROVIDER.get(output);
  }

  @Override
  public String output(GenericKubernetesResource observed, Output output) {
    return FieldPath.string(observed, "status", "atProvider", AT_PROVIDER.get(output));
  }

  @Override
  public boolean isReady(GenericKubernetesResource observed) {
    return ObjectConditions.isTrue(observed, "Ready");
  }

  @Override
  public String readyWord() {
    return "to be Ready";
  }

  /** Holds the fields in {@code forProvider}, and the provider has seen the latest spec. */
  @Override
  public boolean holds(GenericKubernetesResource observed, Map<String, Object> fields) {
    return Needs.within(FieldPath.get(observed, "spec", "forProvider"), fields)
        && upToDate(observed);
  }

  /** {@code status.observedGeneration}, which Crossplane v2 MRs report, has reached the spec's. */
  private static boolean upToDate(GenericKubernetesResource observed) {
    Long generation = observed.getMetadata().getGeneration();
    return !(FieldPath.get(observed, "status", "observedGeneration") instanceof Number seen)
        || generation == null
        || seen.longValue() >= generation;
  }

  /**
   * Why an MR is not Ready: {@code Synced=False} first, as the provider cannot act at all.
   * Crossplane retries every error itself, so nothing is terminal: Synced=False shows here.
   */
  @Override
  public String notReadyReason(GenericKubernetesResource observed) {
    Optional<Map<String, Object>> unsynced =
        ObjectConditions.withStatus(observed, "Synced", "False");
    if (unsynced.isPresent()) {
      return ObjectConditions.stated(unsynced.get());
    }
    return ObjectConditions.find(observed, "Ready")
        .map(ObjectConditions::stated)
        .orElse("waiting for the provider to report a Ready condition");
  }

  @Override
  public <R extends GenericKubernetesResource> R pruned(R observed) {
    return CachedFields.pruned(observed);
  }

  @Override
  public GenericKubernetesResource withAssumedStatus(GenericKubernetesResource desired) {
    return AssumedStatuses.withStatus(desired);
  }
}
