package io.fraudpipeline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** NOTES.txt, printed after `helm install`, tells the user what to do next. */
class NotesTest {

  @Test
  void notesSayHowToCheckTheOperatorAndCreateAPipeline() {
    String output = Chart.installDryRun(Map.of());

    assertThat(output)
        .contains("kubectl -n fraud-system rollout status deployment/fpo-fraud-pipeline-operator")
        .contains("every namespace")
        .contains("kubectl get providers.pkg.crossplane.io")
        .contains("functions/lambda/target/fraud-functions.zip")
        .contains("kubectl apply -f examples/fraudpipeline.yaml")
        .contains("kubectl get fp -A")
        .contains("wait --for=condition=Ready fp/")
        .contains("http://fpo-fraud-pipeline-operator-metrics.fraud-system.svc:8080/metrics");
  }

  @Test
  void notesNameTheWatchedNamespaces() {
    String output =
        Chart.installDryRun(Map.of("watchNamespaces", List.of("fraud-dev", "fraud-prod")));

    assertThat(output).contains("It reconciles FraudPipelines in: fraud-dev, fraud-prod.");
  }
}
