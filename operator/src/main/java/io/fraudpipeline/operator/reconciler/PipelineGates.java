package io.fraudpipeline.operator.reconciler;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.api.v1alpha1.ConditionReasons;
import io.fraudpipeline.api.v1alpha1.EnvironmentSuffix;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.backend.Backends;
import io.fraudpipeline.operator.backend.StackBackend;
import io.fraudpipeline.operator.cache.ManagedResourceInformers;
import io.fraudpipeline.operator.model.SuffixClaims;
import io.fraudpipeline.operator.stack.ManagedKind;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.Optional;

/**
 * What a pipeline must pass before anything of it is written, in order: its backend's CRDs
 * installed, readable by the operator and watched, its environment suffix its own, and its objects
 * all made by the backend its spec names. The first that fails holds the pipeline.
 */
final class PipelineGates {

  private final Backends backends;
  private final ManagedResourceInformers informers;

  PipelineGates(Backends backends, ManagedResourceInformers informers) {
    this.backends = backends;
    this.informers = informers;
  }

  Optional<Stall> first(
      FraudPipeline pipeline,
      Context<FraudPipeline> context,
      StackBackend backend,
      ManagedResourceInformers.Unwatched unwatched) {
    return crdsInstalled(backend, unwatched)
        .or(() -> readable(unwatched))
        .or(() -> watchesSynced(unwatched))
        .or(() -> suffixOwned(pipeline, context))
        .or(() -> objectsOfItsBackend(pipeline, context, backend));
  }

  private static Optional<Stall> crdsInstalled(
      StackBackend backend, ManagedResourceInformers.Unwatched unwatched) {
    if (unwatched.missingCrds().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Stall(
            ConditionReasons.MISSING_CRDS,
            backend.missingCrdsMessage(unwatched.missingCrds()),
            true));
  }

  private static Optional<Stall> readable(ManagedResourceInformers.Unwatched unwatched) {
    if (unwatched.denied().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Stall(ConditionReasons.ACCESS_DENIED, String.join("; ", unwatched.denied()), true));
  }

  /**
   * A watch whose start failed is retried; until it syncs the cache lacks that kind's objects, and
   * a pass would take them for missing: the pipeline waits, without writes.
   */
  private static Optional<Stall> watchesSynced(ManagedResourceInformers.Unwatched unwatched) {
    if (unwatched.notSynced().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Stall(
            ConditionReasons.WATCHES_STARTING,
            "waiting for the operator's watches: " + String.join("; ", unwatched.notSynced()),
            true,
            false));
  }

  /** The pipeline created first with a suffix and the same AWS credentials keeps it. */
  private Optional<Stall> suffixOwned(FraudPipeline pipeline, Context<FraudPipeline> context) {
    var sameSuffix =
        SuffixClaims.indexKeys(pipeline).stream()
            .flatMap(s -> context.getPrimaryCache().byIndex(SuffixClaims.INDEX, s).stream())
            .toList();
    return SuffixClaims.heldBefore(pipeline, sameSuffix, p -> backends.of(p).credentialsIdentity(p))
        .map(
            holder ->
                new Stall(
                    ConditionReasons.SUFFIX_IN_USE,
                    "spec.environmentSuffix: '"
                        + EnvironmentSuffix.of(pipeline)
                        + "' is already used by FraudPipeline "
                        + holder.getMetadata().getNamespace()
                        + "/"
                        + holder.getMetadata().getName()
                        + " with the same AWS credentials; its AWS names would collide with that"
                        + " pipeline's: choose another environmentSuffix",
                    true));
  }

  /**
   * The CRD's transition rule refuses an edit of {@code spec.backend}; a cluster that skipped it
   * must not get a second copy of every AWS resource.
   */
  private Optional<Stall> objectsOfItsBackend(
      FraudPipeline pipeline, Context<FraudPipeline> context, StackBackend backend) {
    return otherBackendsObject(pipeline, context, backend)
        .map(
            foreign ->
                new Stall(
                    ConditionReasons.INVALID_SPEC,
                    "spec.backend: is "
                        + backend.id().value()
                        + " but this pipeline's "
                        + foreign
                        + " was made by another backend; the backend cannot change: set it back,"
                        + " or create a new FraudPipeline",
                    false));
  }

  private Optional<String> otherBackendsObject(
      FraudPipeline pipeline, Context<FraudPipeline> context, StackBackend backend) {
    for (StackBackend other : backends.all()) {
      if (other == backend) {
        continue;
      }
      for (ManagedKind kind : other.kinds()) {
        if (!informers.watches(kind)) {
          continue;
        }
        for (GenericKubernetesResource r : context.getSecondaryResources(kind.type())) {
          if (PipelineObjects.ownedBy(pipeline, r)) {
            return Optional.of(r.getKind() + " " + r.getMetadata().getName());
          }
        }
      }
    }
    return Optional.empty();
  }
}
