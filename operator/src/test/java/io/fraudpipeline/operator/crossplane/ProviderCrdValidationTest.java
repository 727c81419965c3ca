package io.fraudpipeline.operator.crossplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.api.testing.CrdValidator;
import io.fraudpipeline.api.testing.ProjectPaths;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.crossplane.kinds.ManagedResource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every MR the operator emits, for every example and every variant, with assumed statuses so the
 * status-dependent MRs are included, validates against the provider CRDs: types, unknown fields and
 * the CRDs' CEL "required parameter" rules.
 */
class ProviderCrdValidationTest {

  private static CrdValidator validator;

  @BeforeAll
  static void loadCrds() {
    validator = CrdValidator.load(ProjectPaths.providerCrds());
  }

  static Stream<Arguments> pipelines() {
    List<Arguments> args = new ArrayList<>();
    for (Path example : Fixtures.examplePipelines()) {
      args.add(Arguments.of("examples/" + example.getFileName(), Fixtures.example(example)));
    }
    for (String fixture : List.of("seed", "variants", "minimal")) {
      args.add(Arguments.of("fixture " + fixture, Fixtures.pipeline(fixture)));
    }
    return args.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pipelines")
  void everyManagedResourceValidates(String label, FraudPipeline pipeline) {
    RenderedStack stack = AssumedStatuses.renderAssumingReady(pipeline);

    assertThat(stack.waiting()).as("nothing left waiting once all is Ready").isEmpty();
    List<String> problems = new ArrayList<>();
    for (ManagedResource mr : stack.desired()) {
      problems.addAll(validator.validate(mr));
    }
    assertThat(problems).as(label).isEmpty();
  }

  @Test
  void theExamplesAndVariantsCoverEveryKindTheOperatorCanEmit() {
    Map<String, Integer> kinds = new HashMap<>();
    pipelines()
        .map(a -> (FraudPipeline) a.get()[1])
        .flatMap(p -> AssumedStatuses.renderAssumingReady(p).desired().stream())
        .forEach(mr -> kinds.merge(mr.getKind(), 1, Integer::sum));

    assertThat(kinds.keySet())
        .containsExactlyInAnyOrderElementsOf(
            CrossplaneKinds.all().stream().map(ManagedKind::kind).toList());
  }

  @Test
  void theValidatorCatchesAMisspelledFieldAndAMissingRequiredParameter() {
    RenderedStack stack = AssumedStatuses.renderAssumingReady(Fixtures.pipeline("seed"));
    ManagedResource method =
        stack.desired().stream().filter(r -> r.getKind().equals("Method")).findFirst().get();
    Fixtures.forProvider(method).put("httpMethd", "POST");
    Fixtures.forProvider(method).remove("authorization");

    assertThat(validator.validate(method))
        .anyMatch(p -> p.contains("httpMethd"))
        .anyMatch(p -> p.contains("authorization is a required parameter"));
  }
}
