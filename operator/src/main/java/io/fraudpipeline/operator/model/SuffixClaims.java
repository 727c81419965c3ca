package io.fraudpipeline.operator.model;

import io.fraudpipeline.api.v1alpha1.EnvironmentSuffix;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.ProviderConfigKind;
import io.fraudpipeline.api.v1alpha1.ProviderConfigRef;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Two pipelines with the same suffix on the same AWS credentials would name the same tables, roles
 * and functions and fight over them. The first one created keeps the suffix; later ones are told
 * which pipeline holds it.
 */
public final class SuffixClaims {

  private static final Comparator<FraudPipeline> FIRST_CREATED =
      Comparator.comparing(
              (FraudPipeline p) -> Objects.toString(p.getMetadata().getCreationTimestamp(), "~"))
          .thenComparing(p -> p.getMetadata().getNamespace() + "/" + p.getMetadata().getName());

  /** The name of the primary-cache index by suffix, so a pass looks only at same-suffix rivals. */
  public static final String INDEX = "fraudpipeline.io/environment-suffix";

  private SuffixClaims() {}

  /** The index keys of a pipeline: its effective suffix. */
  public static List<String> indexKeys(FraudPipeline pipeline) {
    return pipeline.getSpec() == null ? List.of() : List.of(EnvironmentSuffix.of(pipeline));
  }

  /** The pipeline that holds this pipeline's suffix before it, by Crossplane credentials. */
  public static Optional<FraudPipeline> heldBefore(
      FraudPipeline pipeline, Collection<FraudPipeline> all) {
    return heldBefore(pipeline, all, SuffixClaims::providerConfigIdentity);
  }

  /**
   * The pipeline that holds this pipeline's suffix before it, if any.
   *
   * @param identity the AWS credentials a pipeline's objects use (its backend's); pipelines whose
   *     identity is unknown never collide
   */
  public static Optional<FraudPipeline> heldBefore(
      FraudPipeline pipeline,
      Collection<FraudPipeline> all,
      Function<FraudPipeline, Optional<String>> identity) {
    Optional<String> mine = identity.apply(pipeline);
    return all.stream()
        .filter(other -> !sameObject(pipeline, other))
        .filter(other -> other.getSpec() != null && pipeline.getSpec() != null)
        .filter(other -> EnvironmentSuffix.of(other).equals(EnvironmentSuffix.of(pipeline)))
        .filter(other -> mine.isPresent() && mine.equals(identity.apply(other)))
        .filter(other -> FIRST_CREATED.compare(other, pipeline) < 0)
        .min(FIRST_CREATED);
  }

  private static boolean sameObject(FraudPipeline a, FraudPipeline b) {
    return Objects.equals(a.getMetadata().getNamespace(), b.getMetadata().getNamespace())
        && Objects.equals(a.getMetadata().getName(), b.getMetadata().getName());
  }

  /**
   * The Crossplane provider configuration: a namespaced ProviderConfig is only the same in one
   * namespace.
   */
  public static Optional<String> providerConfigIdentity(FraudPipeline pipeline) {
    if (pipeline.getSpec() == null || pipeline.getSpec().getProviderConfigRef() == null) {
      return Optional.empty();
    }
    ProviderConfigRef ref = pipeline.getSpec().getProviderConfigRef();
    if (ref.getKind() == null) {
      return Optional.empty();
    }
    boolean namespaced = ref.getKind() == ProviderConfigKind.PROVIDER_CONFIG;
    return Optional.of(
        "crossplane:"
            + ref.getKind().kindName()
            + ":"
            + (namespaced ? pipeline.getMetadata().getNamespace() + "/" : "")
            + ref.getName());
  }
}
