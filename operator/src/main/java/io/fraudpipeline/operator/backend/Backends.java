package io.fraudpipeline.operator.backend;

import io.fraudpipeline.api.v1alpha1.Backend;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.stack.ManagedKind;
import java.util.List;
import java.util.Optional;

/**
 * The backends the operator was built with, and the one a pipeline asks for. The wiring ({@code
 * runtime}, {@code cli}) makes the one instance; nothing below it names a backend.
 */
public final class Backends {

  private final List<StackBackend> all;
  private final List<ManagedKind> allKinds;

  public Backends(List<StackBackend> all) {
    this.all = List.copyOf(all);
    this.allKinds = this.all.stream().flatMap(b -> b.kinds().stream()).toList();
  }

  public List<StackBackend> all() {
    return all;
  }

  public StackBackend of(Backend id) {
    Backend wanted = id == null ? Backend.CROSSPLANE : id;
    return all.stream()
        .filter(b -> b.id() == wanted)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no backend " + wanted));
  }

  /** The backend of {@code spec.backend}; Crossplane when unset, as the CRD defaults it. */
  public StackBackend of(FraudPipeline pipeline) {
    return of(pipeline.getSpec() == null ? null : pipeline.getSpec().getBackend());
  }

  /** Every kind of every backend. */
  public List<ManagedKind> allKinds() {
    return allKinds;
  }

  /** The kind of an object by apiVersion and kind, in whichever backend emits it. */
  public Optional<ManagedKind> find(String apiVersion, String kind) {
    for (ManagedKind k : allKinds) {
      if (k.is(apiVersion, kind)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** The backend that emits objects of this kind. */
  public Optional<StackBackend> emitting(String apiVersion, String kind) {
    return all.stream()
        .filter(b -> b.kinds().stream().anyMatch(k -> k.is(apiVersion, kind)))
        .findFirst();
  }
}
