package io.fraudpipeline.operator.ack;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.stack.ControllerPause;
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
import java.util.Set;

/**
 * AWS Controllers for Kubernetes: flat specs with tags in each kind's shape and the region as an
 * annotation; references are {@code {from: {name}}}; ARNs and the account are in {@code
 * status.ackResourceMetadata}, other AWS-assigned values at the top of {@code status}. An object is
 * Ready when {@code ACK.ResourceSynced} is True and {@code ACK.Terminal} is not; Terminal means the
 * controller waits for a spec change (the pipeline stalls), {@code ACK.Recoverable} is retried by
 * the controller.
 */
final class AckDialect implements Dialect {

  static final AckDialect INSTANCE = new AckDialect();

  static final String SYNCED = "ACK.ResourceSynced";
  static final String TERMINAL = "ACK.Terminal";
  static final String RECOVERABLE = "ACK.Recoverable";
  static final String REFERENCES_RESOLVED = "ACK.ReferencesResolved";

  /** Where each output ACK reports is in status; ARN and account in ackResourceMetadata. */
  static final Map<Output, String> STATUS = new EnumMap<>(Output.class);

  static {
    STATUS.put(Output.ARN, "arn");
    STATUS.put(Output.ACCOUNT, "ownerAccountID");
    STATUS.put(Output.STREAM_ARN, "latestStreamARN");
    STATUS.put(Output.ID, "id");
    STATUS.put(Output.ROOT_RESOURCE_ID, "rootResourceID");
    STATUS.put(Output.VERSION, "version");
    STATUS.put(Output.UUID, "uuid");
    STATUS.put(Output.URL, "queueURL");
  }

  /**
   * ACK's read-only objects are never updated or deleted in AWS, only refreshed; but its
   * controllers ignore an edit of annotations alone, so the mark takes effect at the object's next
   * reconcile.
   */
  private static final ControllerPause PAUSE =
      new ControllerPause(
          "services.k8s.aws/read-only",
          "ACK has no pause: the operator marks each object services.k8s.aws/read-only, which its"
              + " controller honours (no update or delete in AWS) only from its next reconcile of"
              + " the object, since an annotation edit alone starts none (the default resync is"
              + " 10 h); until then a controller can still finish work it had begun");

  private static final Set<Output> IN_METADATA = Set.of(Output.ARN, Output.ACCOUNT);

  static final String METADATA = "ackResourceMetadata";

  private AckDialect() {}

  @Override
  public ManagedKind kind(ResourceType type) {
    return AckKinds.of(type);
  }

  @Override
  public ObjectBuilder object(
      ManagedKind kind, String name, FraudPipeline pipeline, Map<String, String> tags) {
    Map<String, Object> spec = new LinkedHashMap<>();
    Object shaped = AckKinds.tags(kind).render(tags);
    if (shaped != null) {
      spec.put("tags", shaped);
    }
    return new ObjectBuilder(kind, name, pipeline, spec, spec, AckDialect::ref)
        .annotate(AckAnnotations.REGION, pipeline.getSpec().getRegion());
  }

  /** An ACK reference to another object of this pipeline: {@code roleRef: {from: {name}}}. */
  static Map<String, Object> ref(String objectName) {
    return Map.of("from", Map.of("name", objectName));
  }

  @Override
  public String referencedName(GenericKubernetesResource observed, String field) {
    return FieldPath.string(observed, "spec", field, "from", "name");
  }

  @Override
  public ControllerPause pause() {
    return PAUSE;
  }

  @Override
  public String outputName(Output output) {
    return STATUS.get(output);
  }

  @Override
  public String output(GenericKubernetesResource observed, Output output) {
    String field = STATUS.get(output);
    if (field == null) {
      return null;
    }
    return IN_METADATA.contains(output)
        ? FieldPath.string(observed, "status", METADATA, field)
        : FieldPath.string(observed, "status", field);
  }

  @Override
  public boolean isReady(GenericKubernetesResource observed) {
    return ObjectConditions.isTrue(observed, SYNCED)
        && !ObjectConditions.isTrue(observed, TERMINAL);
  }

  @Override
  public String readyWord() {
    return "to be synced";
  }

  /** Holds the fields in its spec: ACK reports no observed generation. */
  @Override
  public boolean holds(GenericKubernetesResource observed, Map<String, Object> fields) {
    return Needs.within(observed.getAdditionalProperties().get("spec"), fields);
  }

  /** The Terminal condition's message, when it is True. */
  @Override
  public Optional<String> terminalError(GenericKubernetesResource observed) {
    return ObjectConditions.withStatus(observed, TERMINAL, "True")
        .map(c -> TERMINAL + ": " + ObjectConditions.describe(c));
  }

  /** Why the object is not Ready, from its own conditions, the most telling first. */
  @Override
  public String notReadyReason(GenericKubernetesResource observed) {
    for (String type : new String[] {TERMINAL, RECOVERABLE}) {
      Optional<Map<String, Object>> c = ObjectConditions.withStatus(observed, type, "True");
      if (c.isPresent()) {
        return type + ": " + ObjectConditions.describe(c.get());
      }
    }
    Optional<Map<String, Object>> refs = ObjectConditions.find(observed, REFERENCES_RESOLVED);
    if (refs.isPresent() && !"True".equals(refs.get().get("status"))) {
      return ObjectConditions.stated(refs.get());
    }
    return ObjectConditions.find(observed, SYNCED)
        .map(ObjectConditions::stated)
        .orElse("waiting for the ACK controller to report " + SYNCED);
  }

  @Override
  public <R extends GenericKubernetesResource> R pruned(R observed) {
    return AckCachedFields.pruned(observed);
  }

  @Override
  public GenericKubernetesResource withAssumedStatus(GenericKubernetesResource desired) {
    return AckAssumedStatuses.withStatus(desired);
  }
}
