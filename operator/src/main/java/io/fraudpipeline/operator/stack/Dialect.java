package io.fraudpipeline.operator.stack;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import java.util.Map;
import java.util.Optional;

/**
 * How one backend spells the stack: the shape of its objects and where its controllers report
 * status. The designs of the model are written once; a dialect maps their shapes and reads its own
 * status, and nothing else.
 */
public interface Dialect {

  /** This backend's kind for a resource every backend makes. */
  ManagedKind kind(ResourceType type);

  /** The name in a reference of an observed object's spec ({@code deploymentRef}, ...); or null. */
  String referencedName(GenericKubernetesResource observed, String field);

  /** A new object of this kind for the pipeline: metadata, region, tags and provider settings. */
  ObjectBuilder object(
      ManagedKind kind, String name, FraudPipeline pipeline, Map<String, String> tags);

  /**
   * How this backend's controllers are told to leave an object alone while its pipeline is paused.
   */
  ControllerPause pause();

  /** Where the controller reports this output, as the "waiting for" text names it. */
  String outputName(Output output);

  /** The output as the controller reported it; null until it has. */
  String output(GenericKubernetesResource observed, Output output);

  /** The controller reports the object provisioned and in sync with its spec. */
  boolean isReady(GenericKubernetesResource observed);

  /** What the model waits for while an object is not {@link #isReady}: "to be Ready". */
  String readyWord();

  /** The observed object has applied these fields (not a stale Ready from before a change). */
  boolean holds(GenericKubernetesResource observed, Map<String, Object> fields);

  /** Why the object is not Ready, from its own conditions. */
  String notReadyReason(GenericKubernetesResource observed);

  /**
   * An error the controller will not retry until the spec changes (the pipeline stalls with it);
   * none when the controller retries every error itself.
   */
  default Optional<String> terminalError(GenericKubernetesResource observed) {
    return Optional.empty();
  }

  /**
   * When a kind only this backend has is deleted ({@link DeletionPhase}); the kinds of the {@link
   * ResourceType}s are placed there once for every backend.
   */
  default Optional<DeletionPhase> deletionPhase(ManagedKind ownKind) {
    return Optional.empty();
  }

  /** Drops, in place, what the operator never reads from a cached object; returns it. */
  <R extends GenericKubernetesResource> R pruned(R observed);

  /** A copy of a desired object with the status this backend's controller would report. */
  GenericKubernetesResource withAssumedStatus(GenericKubernetesResource desired);
}
