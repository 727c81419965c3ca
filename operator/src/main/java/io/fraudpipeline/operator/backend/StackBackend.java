package io.fraudpipeline.operator.backend;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.api.v1alpha1.Backend;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.crossplane.ManagedKind;
import io.fraudpipeline.operator.crossplane.ObservedResources;
import io.fraudpipeline.operator.crossplane.RenderedStack;
import java.util.List;
import java.util.Optional;

/**
 * The controllers that provision a pipeline's AWS resources (Crossplane, ACK), as the reconciler,
 * status, {@code render} and metrics see them: which kinds exist, a pure render of pipeline and
 * observed objects into desired ones, and how one observed object reports readiness and errors.
 */
public interface StackBackend {

  /** The value of {@code spec.backend} this implementation serves. */
  Backend id();

  /** Every kind this backend can emit, in creation order: informers, CRD checks and RBAC. */
  List<ManagedKind> kinds();

  /** The Stalled message when these kinds' CRDs are missing, saying what to install. */
  String missingCrdsMessage(List<ManagedKind> missing);

  /**
   * The desired objects of the pipeline given what is observed: pure, no I/O.
   *
   * @throws io.fraudpipeline.operator.model.InvalidSpecException naming the field the backend
   *     cannot act on
   */
  RenderedStack render(FraudPipeline pipeline, ObservedResources observed);

  /** The stack as it will be once every object is Ready (for {@code render --assume-ready}). */
  RenderedStack renderAssumingReady(FraudPipeline pipeline);

  /** A copy of a desired object with the status this backend's controller would report. */
  GenericKubernetesResource withAssumedStatus(GenericKubernetesResource desired);

  /** The controller reports the object provisioned and in sync with its spec. */
  boolean isReady(GenericKubernetesResource observed);

  /** Why the object is not Ready, from its own status. */
  String notReadyReason(GenericKubernetesResource observed);

  /**
   * An error the controller will not retry until the spec changes: the pipeline is Stalled with it.
   */
  Optional<String> terminalError(GenericKubernetesResource observed);

  /** Drops, in place, what the operator never reads from a cached object; returns it. */
  <R extends GenericKubernetesResource> R pruned(R observed);

  /**
   * Which AWS credentials the pipeline's objects use: two pipelines with the same suffix and the
   * same identity would name the same AWS resources. Empty when it cannot be told.
   */
  Optional<String> credentialsIdentity(FraudPipeline pipeline);
}
