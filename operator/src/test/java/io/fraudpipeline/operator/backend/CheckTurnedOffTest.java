package io.fraudpipeline.operator.backend;

import static io.fraudpipeline.operator.Fixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.api.v1alpha1.Backend;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.functions.contract.EnvVars;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.runtime.InstalledBackends;
import io.fraudpipeline.operator.stack.ManagedObject;
import io.fraudpipeline.operator.stack.RenderedStack;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code spec.check.enabled: false} renders none of the check's objects, on either backend. */
class CheckTurnedOffTest {

  private static RenderedStack render(Backend backend, boolean check) {
    FraudPipeline pipeline = Fixtures.seed();
    pipeline.getSpec().setBackend(backend);
    pipeline.getSpec().getCheck().setEnabled(check);
    return InstalledBackends.all().of(pipeline).renderAssumingReady(pipeline);
  }

  private static List<String> checkObjects(RenderedStack stack) {
    return stack.desired().stream()
        .map(o -> o.getKind() + "/" + o.getMetadata().getName())
        .filter(o -> o.contains("/payments-check") || o.endsWith("-not-scoring"))
        .toList();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void noneOfTheChecksObjectsIsRenderedAndTheProcessorAcceptsNoSyntheticTransaction(
      Backend backend) {
    RenderedStack on = render(backend, true);
    RenderedStack off = render(backend, false);

    assertThat(checkObjects(on))
        .contains("Function/payments-check", "Rule/payments-check-schedule");
    assertThat(checkObjects(off)).isEmpty();
    assertThat(off.desired()).noneMatch(o -> o.getKind().equals("Rule"));
    assertThat(off.desired().size()).isEqualTo(on.desired().size() - checkObjects(on).size());
    assertThat(variables(off, "payments-processor"))
        .containsKey(EnvVars.PIPELINE_NAME)
        .doesNotContainKey(EnvVars.CHECK_ROLE_ARN);
    assertThat(variables(on, "payments-processor"))
        .containsEntry(
            EnvVars.CHECK_ROLE_ARN, "arn:aws:iam::000000000000:role/pipeline-check-role-dev");
    assertThat(off.dashboardUrl()).as("the dashboard stays").isNotNull();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> variables(RenderedStack stack, String function) {
    ManagedObject f =
        stack.desired().stream()
            .filter(o -> o.getKind().equals("Function"))
            .filter(o -> o.getMetadata().getName().equals(function))
            .findFirst()
            .orElseThrow();
    Map<String, Object> body = spec(f);
    if (body.get("forProvider") instanceof Map<?, ?> forProvider) {
      body = (Map<String, Object>) forProvider;
    }
    return (Map<String, String>) ((Map<String, Object>) body.get("environment")).get("variables");
  }
}
