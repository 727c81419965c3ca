package io.fraudpipeline.operator.backend;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.api.v1alpha1.Backend;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.stack.AssumedReady;
import io.fraudpipeline.operator.stack.DeletionPhase;
import io.fraudpipeline.operator.stack.Dialect;
import io.fraudpipeline.operator.stack.ManagedKind;
import io.fraudpipeline.operator.stack.ObservedObjects;
import io.fraudpipeline.operator.stack.RenderedStack;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A controller family that provisions a pipeline's AWS resources (Crossplane, ACK), as the
 * reconciler, status, {@code render} and metrics see it: which kinds exist, a pure render of
 * pipeline and observed objects into desired ones, and its {@link Dialect}, which reads one
 * observed object's readiness and errors. It speaks the neutral words of {@code stack}.
 */
public final class StackBackend {

  private final Backend id;
  private final List<ManagedKind> kinds;
  private final Dialect dialect;
  private final BiFunction<FraudPipeline, ObservedObjects, RenderedStack> recipe;
  private final String controllers;
  private final String installHint;
  private final Function<FraudPipeline, Optional<String>> credentials;

  /**
   * @param kinds every kind it can emit, in creation order
   * @param recipe the render of a pipeline given what is observed
   * @param controllers what provides its CRDs, as the Stalled message names it
   * @param installHint what to install when CRDs are missing, and what happens meanwhile
   * @param credentials which AWS credentials a pipeline's objects use ({@link
   *     #credentialsIdentity})
   */
  public StackBackend(
      Backend id,
      List<ManagedKind> kinds,
      Dialect dialect,
      BiFunction<FraudPipeline, ObservedObjects, RenderedStack> recipe,
      String controllers,
      String installHint,
      Function<FraudPipeline, Optional<String>> credentials) {
    this.id = id;
    this.kinds = List.copyOf(kinds);
    this.dialect = dialect;
    this.recipe = recipe;
    this.controllers = controllers;
    this.installHint = installHint;
    this.credentials = credentials;
  }

  /** The value of {@code spec.backend} this backend serves. */
  public Backend id() {
    return id;
  }

  /** Every kind this backend can emit, in creation order: informers, CRD checks and RBAC. */
  public List<ManagedKind> kinds() {
    return kinds;
  }

  /** When this backend's objects of a kind are deleted, in the order every backend shares. */
  public DeletionPhase deletionPhase(ManagedKind kind) {
    return DeletionPhase.of(kind, dialect);
  }

  /** How this backend spells objects and reports status. */
  public Dialect dialect() {
    return dialect;
  }

  /** The Stalled message when these kinds' CRDs are missing, saying what to install. */
  public String missingCrdsMessage(List<ManagedKind> missing) {
    return controllers
        + " CRDs not installed: "
        + missing.stream().map(ManagedKind::crdName).collect(Collectors.joining(", "))
        + " ("
        + installHint;
  }

  /**
   * The desired objects of the pipeline given what is observed: pure, no I/O.
   *
   * @throws io.fraudpipeline.operator.model.InvalidSpecException naming the field the backend
   *     cannot act on
   */
  public RenderedStack render(FraudPipeline pipeline, ObservedObjects observed) {
    return recipe.apply(pipeline, observed);
  }

  /** The stack as it will be once every object is Ready (for {@code render --assume-ready}). */
  public RenderedStack renderAssumingReady(FraudPipeline pipeline) {
    return AssumedReady.render(pipeline, dialect, recipe);
  }

  /** A copy of a desired object with the status this backend's controller would report. */
  public GenericKubernetesResource withAssumedStatus(GenericKubernetesResource desired) {
    return dialect.withAssumedStatus(desired);
  }

  /** The controller reports the object provisioned and in sync with its spec. */
  public boolean isReady(GenericKubernetesResource observed) {
    return dialect.isReady(observed);
  }

  /** Why the object is not Ready, from its own status. */
  public String notReadyReason(GenericKubernetesResource observed) {
    return dialect.notReadyReason(observed);
  }

  /**
   * An error the controller will not retry until the spec changes: the pipeline is Stalled with it.
   */
  public Optional<String> terminalError(GenericKubernetesResource observed) {
    return dialect.terminalError(observed);
  }

  /** Drops, in place, what the operator never reads from a cached object; returns it. */
  public <R extends GenericKubernetesResource> R pruned(R observed) {
    return dialect.pruned(observed);
  }

  /**
   * Which AWS credentials the pipeline's objects use: two pipelines with the same suffix and the
   * same identity would name the same AWS resources. Empty when it cannot be told.
   */
  public Optional<String> credentialsIdentity(FraudPipeline pipeline) {
    return credentials.apply(pipeline);
  }

  @Override
  public String toString() {
    return id.value();
  }
}
