package io.fraudpipeline.operator.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.api.v1alpha1.Authorization;
import io.fraudpipeline.api.v1alpha1.Backend;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.OutputsSpec;
import io.fraudpipeline.api.v1alpha1.UnsupportedSetting;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.ack.AckBackend;
import io.fraudpipeline.operator.backend.StackBackend;
import io.fraudpipeline.operator.crossplane.CrossplaneBackend;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApplicationOutputsTest {

  private static final List<String> EVERY_KEY =
      List.of(
          "REGION",
          "API_ENDPOINT",
          "DASHBOARD_URL",
          "TRANSACTIONS_TABLE",
          "TRANSACTIONS_TABLE_ARN",
          "TRANSACTIONS_STREAM_ARN",
          "FRAUD_SCORES_TABLE",
          "FRAUD_SCORES_TABLE_ARN",
          "ALERT_TOPIC_ARN",
          "ALARM_TOPIC_ARN",
          "PROCESSOR_FUNCTION_NAME",
          "PROCESSOR_ARN",
          "PROCESSOR_DLQ_URL",
          "PROCESSOR_DLQ_ARN",
          "SCORER_FUNCTION_NAME",
          "SCORER_ARN",
          "SCORER_DLQ_URL",
          "SCORER_DLQ_ARN");

  private static FraudPipeline pipeline(Backend backend) {
    FraudPipeline pipeline = Fixtures.seed();
    pipeline.getSpec().setBackend(backend);
    pipeline.getSpec().getApi().setAuthorization(Authorization.AWS_IAM);
    return pipeline;
  }

  @Test
  void aReadyStackHandsEveryOutputToApplicationsOnBothBackends() {
    for (StackBackend backend : List.of(CrossplaneBackend.INSTANCE, AckBackend.INSTANCE)) {
      FraudPipeline pipeline = pipeline(backend.id());
      RenderedStack ready = backend.renderAssumingReady(pipeline);
      Map<String, String> outputs = ready.outputs();

      assertThat(outputs.keySet()).as(backend.toString()).containsExactlyElementsOf(EVERY_KEY);
      assertThat(outputs)
          .as(backend.toString())
          .containsEntry("API_ENDPOINT", ready.apiEndpoint())
          .containsEntry("DASHBOARD_URL", ready.dashboardUrl())
          .containsEntry("ALERT_TOPIC_ARN", ready.alertTopicArn())
          .containsEntry("TRANSACTIONS_TABLE", ready.names().transactionsTable())
          .containsEntry(
              "PROCESSOR_FUNCTION_NAME", "transaction-processor-" + ready.names().suffix());
      assertThat(outputs.get("PROCESSOR_ARN")).as("callers name the live alias").endsWith(":live");
      assertThat(outputs.get("SCORER_DLQ_URL")).startsWith("https://sqs.");
    }
  }

  @Test
  void aFreshStackHasOnlyWhatTheSpecNamesAndNoEmptyValues() {
    FraudPipeline pipeline = pipeline(Backend.CROSSPLANE);
    Map<String, String> outputs =
        CrossplaneBackend.INSTANCE.render(pipeline, new ObservedObjects(List.of())).outputs();

    assertThat(outputs.keySet())
        .containsExactly(
            "REGION",
            "TRANSACTIONS_TABLE",
            "FRAUD_SCORES_TABLE",
            "PROCESSOR_FUNCTION_NAME",
            "SCORER_FUNCTION_NAME");
    assertThat(outputs.values()).allMatch(v -> !v.isEmpty());
  }

  @Test
  void theApiKeySecretIsNamedOnlyWithApiKeyAndASecretNameWithoutOneIsReported() {
    FraudPipeline withKey = pipeline(Backend.CROSSPLANE);
    withKey.getSpec().getApi().setAuthorization(Authorization.API_KEY);
    OutputsSpec names = new OutputsSpec();
    names.setSecretName("checkout-key");
    withKey.getSpec().setOutputs(names);
    assertThat(CrossplaneBackend.INSTANCE.renderAssumingReady(withKey).outputs())
        .containsEntry("API_KEY_SECRET", "checkout-key");

    FraudPipeline withoutKey = pipeline(Backend.CROSSPLANE);
    withoutKey.getSpec().setOutputs(names);
    RenderedStack stack = CrossplaneBackend.INSTANCE.renderAssumingReady(withoutKey);
    assertThat(stack.outputs()).doesNotContainKey("API_KEY_SECRET");
    assertThat(stack.unsupported())
        .extracting(UnsupportedSetting::getField)
        .contains("spec.outputs.secretName");
  }
}
