package io.fraudpipeline.helm;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * values.schema.json and the chart's own checks turn bad values into a clear error, not a bad
 * install.
 */
class ValuesSchemaTest {

  @Test
  void theDefaultValuesAreValid() {
    assertThatCode(Chart::template).doesNotThrowAnyException();
  }

  @Test
  void unknownTopLevelKeyIsRejected() {
    assertThatThrownBy(() -> Chart.template(Map.of("replicas", 2)))
        .hasMessageContaining("replicas");
  }

  @Test
  void misspelledNestedKeyIsRejected() {
    assertThatThrownBy(() -> Chart.template(Map.of("operator", Map.of("logLevl", "DEBUG"))))
        .hasMessageContaining("logLevl");
  }

  @Test
  void wrongTypeIsRejected() {
    assertThatThrownBy(() -> Chart.template(Map.of("replicaCount", "two")))
        .hasMessageContaining("replicaCount");
  }

  @Test
  void valueOutsideItsEnumIsRejected() {
    assertThatThrownBy(() -> Chart.template(Map.of("operator", Map.of("logFormat", "xml"))))
        .hasMessageContaining("logFormat");
  }

  @Test
  void namespaceThatIsNotADnsLabelIsRejected() {
    assertThatThrownBy(() -> Chart.template(Map.of("watchNamespaces", List.of("Fraud_Dev"))))
        .hasMessageContaining("watchNamespaces");
  }

  @Test
  void severalReplicasWithoutLeaderElectionAreRejected() {
    assertThatThrownBy(
            () ->
                Chart.template(
                    Map.of("replicaCount", 2, "operator", Map.of("leaderElection", false))))
        .hasMessageContaining("replicaCount > 1 needs operator.leaderElection=true");
  }

  @Test
  void serviceMonitorWithoutTheMetricsServiceIsRejected() {
    assertThatThrownBy(
            () ->
                Chart.template(
                    Map.of(
                        "metrics",
                        Map.of(
                            "service",
                            Map.of("enabled", false),
                            "serviceMonitor",
                            Map.of("enabled", true)))))
        .hasMessageContaining("metrics.serviceMonitor.enabled needs metrics.service.enabled");
  }

  @Test
  void existingServiceAccountMustBeNamed() {
    assertThatThrownBy(() -> Chart.template(Map.of("serviceAccount", Map.of("create", false))))
        .hasMessageContaining("serviceAccount.name must name an existing ServiceAccount");
  }
}
