package io.fraudpipeline.testing.crd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The validator catches what an API server would reject or silently drop in a provider MR. */
class CrdValidatorTest {

  private static final CrdValidator PROVIDER = CrdValidator.load(ProjectPaths.providerCrds());

  private static String queue(String forProvider) {
    return """
        apiVersion: sqs.aws.m.upbound.io/v1beta1
        kind: Queue
        metadata: {name: q, namespace: fraud-dev}
        spec:
          forProvider:
        %s
        """
        .formatted(forProvider.indent(4));
  }

  private static List<String> problems(String yaml) {
    return PROVIDER.validate(CrdValidator.readYaml(yaml).get(0));
  }

  @Test
  void aCorrectQueuePasses() {
    assertThat(problems(queue("region: us-east-1\nmessageRetentionSeconds: 1209600"))).isEmpty();
  }

  @Test
  void anUnknownFieldIsAProblem() {
    assertThat(problems(queue("region: us-east-1\nmessageRetention: 1209600")))
        .anySatisfy(p -> assertThat(p).contains("spec.forProvider").contains("messageRetention"));
  }

  @Test
  void aWrongTypeIsAProblem() {
    assertThat(problems(queue("region: us-east-1\nmessageRetentionSeconds: \"14 days\"")))
        .anySatisfy(p -> assertThat(p).contains("spec.forProvider.messageRetentionSeconds"));
  }

  @Test
  void aMissingRequiredParameterIsAProblem() {
    String restApi =
        """
        apiVersion: apigateway.aws.m.upbound.io/v1beta1
        kind: RestAPI
        metadata: {name: api, namespace: fraud-dev}
        spec:
          forProvider: {region: us-east-1}
        """;
    assertThat(problems(restApi))
        .anySatisfy(p -> assertThat(p).contains("spec.forProvider.name is a required parameter"));
  }

  @Test
  void anUnknownKindIsAProblem() {
    assertThat(
            problems(
                "apiVersion: sqs.aws.m.upbound.io/v1beta1\nkind: Queues\nmetadata: {name: q}\n"))
        .containsExactly("Queues/q: no CRD for sqs.aws.m.upbound.io/v1beta1 Queues");
  }
}
