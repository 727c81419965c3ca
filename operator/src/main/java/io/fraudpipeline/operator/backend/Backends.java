package io.fraudpipeline.operator.backend;

import io.fraudpipeline.api.v1alpha1.Backend;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.ack.AckBackend;
import io.fraudpipeline.operator.crossplane.CrossplaneBackend;
import io.fraudpipeline.operator.crossplane.ManagedKind;
import java.util.List;
import java.util.Optional;

/** Every backend the operator has, and the one a pipeline asks for. */
public final class Backends {

  private static final List<StackBackend> ALL =
      List.of(CrossplaneBackend.INSTANCE, AckBackend.INSTANCE);
  private static final List<ManagedKind> ALL_KINDS =
      ALL.stream().flatMap(b -> b.kinds().stream()).toList();

  private Backends() {}

  public static List<StackBackend> all() {
    return ALL;
  }

  public static StackBackend of(Backend id) {
    return ALL.stream()
        .filter(b -> b.id() == (id == null ? Backend.CROSSPLANE : id))
        .findFirst()
        .orElseThrow();
  }

  /** The backend of {@code spec.backend}; Crossplane when unset, as the CRD defaults it. */
  public static StackBackend of(FraudPipeline pipeline) {
    return of(pipeline.getSpec() == null ? null : pipeline.getSpec().getBackend());
  }

  /** Every kind of every backend. */
  public static List<ManagedKind> allKinds() {
    return ALL_KINDS;
  }

  /** The kind of an object by apiVersion and kind, in whichever backend emits it. */
  public static Optional<ManagedKind> find(String apiVersion, String kind) {
    for (ManagedKind k : ALL_KINDS) {
      if (k.is(apiVersion, kind)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** The backend that emits objects of this kind. */
  public static Optional<StackBackend> emitting(String apiVersion, String kind) {
    return ALL.stream()
        .filter(b -> b.kinds().stream().anyMatch(k -> k.is(apiVersion, kind)))
        .findFirst();
  }
}
