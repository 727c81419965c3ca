package io.fraudpipeline.operator.ack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudpipeline.api.v1alpha1.Authorization;
import io.fraudpipeline.api.v1alpha1.Backend;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.model.InvalidSpecException;
import io.fraudpipeline.operator.stack.ManagedKind;
import io.fraudpipeline.operator.stack.ManagedObject;
import io.fraudpipeline.operator.stack.RenderedStack;
import io.fraudpipeline.testing.crd.CrdValidator;
import io.fraudpipeline.testing.crd.ProjectPaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every ACK object the operator emits, for every example and fixture rendered with backend ACK
 * (API_KEY ones excepted: ACK refuses them), with assumed statuses so the status-dependent objects
 * are included, validates against the vendored ACK CRDs.
 */
class AckCrdValidationTest {

  private static CrdValidator validator;

  @BeforeAll
  static void loadCrds() {
    validator = CrdValidator.load(ProjectPaths.ackCrds());
  }

  static Stream<Arguments> pipelines() {
    List<Arguments> args = new ArrayList<>();
    for (Path example : Fixtures.examplePipelines()) {
      args.add(Arguments.of("examples/" + example.getFileName(), ack(Fixtures.example(example))));
    }
    Path ackExample = ProjectPaths.examples().resolve("ack/fraudpipeline-ack.yaml");
    args.add(Arguments.of("examples/ack/fraudpipeline-ack.yaml", Fixtures.example(ackExample)));
    for (String fixture : List.of("seed", "minimal", "ack-variants")) {
      args.add(Arguments.of("fixture " + fixture, ack(Fixtures.pipeline(fixture))));
    }
    FraudPipeline noSnapStart = ack(Fixtures.pipeline("seed"));
    noSnapStart.getSpec().getFunctions().setSnapStart(false);
    args.add(Arguments.of("seed, snapStart false", noSnapStart));
    return args.stream()
        .filter(
            a ->
                ((FraudPipeline) a.get()[1]).getSpec().getApi().getAuthorization()
                    != Authorization.API_KEY);
  }

  static FraudPipeline ack(FraudPipeline pipeline) {
    pipeline.getSpec().setBackend(Backend.ACK);
    return pipeline;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pipelines")
  void everyAckObjectValidates(String label, FraudPipeline pipeline) {
    RenderedStack stack = AckBackend.INSTANCE.renderAssumingReady(pipeline);

    assertThat(stack.waiting()).as("nothing left waiting once all is synced").isEmpty();
    List<String> problems = new ArrayList<>();
    for (ManagedObject r : stack.desired()) {
      problems.addAll(validator.validate(r));
    }
    assertThat(problems).as(label).isEmpty();
  }

  @Test
  void theExamplesAndVariantsCoverEveryAckKind() {
    Set<String> kinds = new HashSet<>();
    pipelines()
        .map(a -> (FraudPipeline) a.get()[1])
        .flatMap(p -> AckBackend.INSTANCE.renderAssumingReady(p).desired().stream())
        .forEach(r -> kinds.add(r.getKind()));

    assertThat(kinds)
        .containsExactlyInAnyOrderElementsOf(
            AckKinds.all().stream().map(ManagedKind::kind).toList());
  }

  @Test
  void theValidatorCatchesAMisspelledAckField() {
    ManagedObject table =
        AckBackend.INSTANCE.renderAssumingReady(ack(Fixtures.pipeline("seed"))).desired().stream()
            .filter(r -> r.getKind().equals("Table"))
            .findFirst()
            .orElseThrow();
    Fixtures.spec(table).put("tableNme", "x");

    assertThat(validator.validate(table)).anyMatch(p -> p.contains("tableNme"));
  }

  @Test
  void apiKeyAuthorizationIsRefusedUpFrontNamingTheBackend() {
    FraudPipeline apiKey = ack(Fixtures.pipeline("variants"));

    assertThatThrownBy(
            () ->
                AckBackend.INSTANCE.render(
                    apiKey, io.fraudpipeline.operator.stack.ObservedObjects.none()))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageStartingWith(
            "spec.api.authorization: API_KEY is not supported with backend ACK");
  }
}
