package io.fraudpipeline.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.crossplane.CrossplaneBackend;
import io.fraudpipeline.operator.stack.ManagedObject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What the fault tests (mock and real server) assert once a pipeline converged. */
final class WantedStack {

  private WantedStack() {}

  /** Exactly the MRs the model wants once all is Ready: none twice, none extra, all owned. */
  static void assertExactly(FraudPipeline current, List<ManagedObject> actual) {
    Set<String> wanted =
        CrossplaneBackend.INSTANCE.renderAssumingReady(current).desired().stream()
            .map(r -> r.getKind() + "/" + r.getMetadata().getName())
            .collect(Collectors.toSet());
    assertThat(actual.stream().map(r -> r.getKind() + "/" + r.getMetadata().getName()))
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(wanted);
    assertThat(actual)
        .allSatisfy(
            r ->
                assertThat(r.getMetadata().getOwnerReferences())
                    .singleElement()
                    .satisfies(
                        o -> assertThat(o.getUid()).isEqualTo(current.getMetadata().getUid())));
    assertThat(current.getStatus().getResources().getTotal()).isEqualTo(wanted.size());
  }
}
