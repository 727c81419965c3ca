package io.fraudpipeline.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.api.v1alpha1.UnsupportedSetting;
import io.fraudpipeline.operator.model.FieldChange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text {@code diff} prints, line by line. */
class DiffOutputTest {

  private static final String FUNCTION = "Function.lambda.aws.m.upbound.io";
  private static final String MAPPING = "EventSourceMapping.lambda.aws.m.upbound.io";

  private static StackDiff.Entry memoryUpdate() {
    return new StackDiff.Entry(
        StackDiff.Action.UPDATE,
        FUNCTION,
        "fraud-dev",
        "payments-processor",
        null,
        List.of(new FieldChange("spec.forProvider.memorySize", 512, 1024)),
        List.of(),
        null);
  }

  @Test
  void anUpdateListsEachFieldFromOldToNewUnderItsObject() {
    assertThat(
            DiffOutput.lines(
                "fraud-dev/payments", "Crossplane", false, List.of(memoryUpdate()), 40, List.of()))
        .containsExactly(
            "FraudPipeline fraud-dev/payments (Crossplane): 1 to update, 40 unchanged",
            "~ update Function.lambda.aws.m.upbound.io fraud-dev/payments-processor",
            "    spec.forProvider.memorySize: 512 -> 1024");
  }

  @Test
  void aReplacementMarksTheFieldsThatCannotChangeInPlaceAndSaysItsCost() {
    StackDiff.Entry replace =
        new StackDiff.Entry(
            StackDiff.Action.REPLACE,
            MAPPING,
            "fraud-dev",
            "payments-processor-stream",
            null,
            List.of(
                new FieldChange("spec.forProvider.batchSize", 100, 250),
                new FieldChange("spec.forProvider.startingPosition", "LATEST", "TRIM_HORIZON")),
            List.of("spec.forProvider.startingPosition"),
            "it costs this");

    assertThat(
            DiffOutput.lines(
                "fraud-dev/payments", "Crossplane", false, List.of(replace), 0, List.of()))
        .containsExactly(
            "FraudPipeline fraud-dev/payments (Crossplane): 1 to replace",
            "-/+ replace EventSourceMapping.lambda.aws.m.upbound.io fraud-dev/payments-processor-stream",
            "    spec.forProvider.batchSize: 100 -> 250",
            "    spec.forProvider.startingPosition: LATEST -> TRIM_HORIZON (cannot change in place)",
            "    cost: it costs this");
  }

  @Test
  void aReplacementByANewObjectNamesBoth() {
    StackDiff.Entry replace =
        new StackDiff.Entry(
            StackDiff.Action.REPLACE,
            "EventSourceMapping.lambda.services.k8s.aws",
            "fraud-dev",
            "payments-processor-stream-aaaa",
            "payments-processor-stream-bbbb",
            List.of(new FieldChange("spec.startingPosition", "LATEST", "TRIM_HORIZON")),
            List.of("spec.startingPosition"),
            "it costs this");

    assertThat(
            DiffOutput.lines("fraud-dev/payments", "ACK", false, List.of(replace), 0, List.of())
                .get(1))
        .isEqualTo(
            "-/+ replace EventSourceMapping.lambda.services.k8s.aws"
                + " fraud-dev/payments-processor-stream-aaaa -> payments-processor-stream-bbbb");
  }

  @Test
  void aPausedPipelineSaysSoFirstThenWhatResumingWouldDo() {
    List<String> lines =
        DiffOutput.lines(
            "fraud-dev/payments", "Crossplane", true, List.of(memoryUpdate()), 40, List.of());

    assertThat(lines.get(0))
        .isEqualTo(
            "FraudPipeline fraud-dev/payments is paused (fraudpipeline.io/paused: \"true\"):"
                + " nothing is applied until the annotation is removed; on resume:");
    assertThat(lines).hasSize(4);
  }

  @Test
  void noChangeIsOneLineCountingTheObjectsAsWanted() {
    assertThat(DiffOutput.lines("fraud-dev/payments", "ACK", false, List.of(), 38, List.of()))
        .containsExactly(
            "FraudPipeline fraud-dev/payments (ACK): no changes, 38 objects as the spec wants them");
  }

  @Test
  void createsAndDeletesCarryTheirNoteAndUnsupportedSettingsAreListed() {
    StackDiff.Entry create =
        new StackDiff.Entry(
            StackDiff.Action.CREATE,
            MAPPING,
            "fraud-dev",
            "payments-processor-stream",
            null,
            List.of(),
            List.of(),
            "once waiting for Table payments-transactions status.atProvider.streamArn");
    StackDiff.Entry delete =
        new StackDiff.Entry(
            StackDiff.Action.DELETE,
            "APIKey.apigateway.aws.m.upbound.io",
            "fraud-dev",
            "payments-api-key",
            null,
            List.of(),
            List.of(),
            "no longer wanted by the spec");

    assertThat(
            DiffOutput.lines(
                "fraud-dev/payments",
                "ACK",
                false,
                List.of(delete, create),
                0,
                List.of(new UnsupportedSetting("spec.api.throttling", "no ACK field"))))
        .containsExactly(
            "FraudPipeline fraud-dev/payments (ACK): 1 to create, 1 to delete",
            "! unsupported spec.api.throttling: no ACK field",
            "- delete APIKey.apigateway.aws.m.upbound.io fraud-dev/payments-api-key",
            "    no longer wanted by the spec",
            "+ create EventSourceMapping.lambda.aws.m.upbound.io fraud-dev/payments-processor-stream",
            "    once waiting for Table payments-transactions status.atProvider.streamArn");
  }

  @Test
  void valuesReadAsTheirTypeUnsetShowsAsSuchAndStringsThatLookLikeNumbersAreQuoted() {
    assertThat(DiffOutput.value(null)).isEqualTo("(unset)");
    assertThat(DiffOutput.value("java25")).isEqualTo("java25");
    assertThat(DiffOutput.value("60")).as("ACK's SQS attributes are strings").isEqualTo("\"60\"");
    assertThat(DiffOutput.value("true")).isEqualTo("\"true\"");
    assertThat(DiffOutput.value("")).isEqualTo("\"\"");
    assertThat(DiffOutput.value(60)).isEqualTo("60");
    assertThat(DiffOutput.value(Map.of("b", 2, "a", List.of("x"))))
        .as("maps as compact JSON, keys sorted")
        .isEqualTo("{\"a\":[\"x\"],\"b\":2}");
  }
}
