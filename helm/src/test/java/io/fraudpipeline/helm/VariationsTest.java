package io.fraudpipeline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariationsTest {

  @Test
  void oneReplicaHasNoDisruptionBudget() {
    assertThat(Chart.template().ofType(PodDisruptionBudget.class)).isEmpty();
  }

  @Test
  void twoReplicasGetADisruptionBudgetThatKeepsOneRunning() {
    Manifests manifests = Chart.template(Variations.all().get("two replicas"));
    Deployment deployment = manifests.single(Deployment.class);
    PodDisruptionBudget pdb = manifests.single(PodDisruptionBudget.class);

    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    assertThat(pdb.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
    assertThat(pdb.getSpec().getSelector().getMatchLabels())
        .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
  }

  @Test
  void metricsServiceTargetsTheHttpPortOfTheOperatorPods() {
    Manifests manifests = Chart.template();
    Service service = manifests.single(Service.class);
    Deployment deployment = manifests.single(Deployment.class);

    assertThat(service.getSpec().getSelector())
        .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
    assertThat(service.getSpec().getPorts())
        .singleElement()
        .satisfies(
            port -> {
              assertThat(port.getName()).isEqualTo("http");
              assertThat(port.getPort()).isEqualTo(8080);
              assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
            });
    assertThat(manifests.ofKind("ServiceMonitor")).as("ServiceMonitor is opt-in").isEmpty();
  }

  @Test
  void serviceMonitorScrapesTheMetricsService() {
    Manifests manifests = Chart.template(Variations.all().get("metrics and ServiceMonitor"));
    Service service = manifests.single(Service.class);
    GenericKubernetesResource monitor =
        (GenericKubernetesResource) manifests.ofKind("ServiceMonitor").get(0);

    assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prometheus");
    assertThat(service.getMetadata().getLabels())
        .containsAllEntriesOf(monitor.<Map<String, String>>get("spec", "selector", "matchLabels"));
    assertThat(monitor.<List<String>>get("spec", "namespaceSelector", "matchNames"))
        .containsExactly(Chart.NAMESPACE);
    List<Map<String, Object>> endpoints = monitor.get("spec", "endpoints");
    assertThat(endpoints)
        .singleElement()
        .satisfies(
            endpoint -> {
              assertThat(endpoint)
                  .containsEntry("port", service.getSpec().getPorts().get(0).getName());
              assertThat(endpoint).containsEntry("path", "/metrics");
            });
  }

  @Test
  void metricsServiceCanBeTurnedOff() {
    Manifests manifests =
        Chart.template(Map.of("metrics", Map.of("service", Map.of("enabled", false))));

    assertThat(manifests.ofType(Service.class)).isEmpty();
  }

  @Test
  void customImageAndPullSecretsAreUsed() {
    PodSpec pod =
        Chart.template(Variations.all().get("custom image"))
            .single(Deployment.class)
            .getSpec()
            .getTemplate()
            .getSpec();

    assertThat(pod.getContainers().get(0).getImage())
        .isEqualTo("registry.example.com/platform/fraud-operator:1.2.3");
    assertThat(pod.getImagePullSecrets()).extracting(s -> s.getName()).containsExactly("regcred");
  }

  @Test
  void aDigestPinsTheImage() {
    String digest = "sha256:" + "a".repeat(64);
    String image =
        Chart.template(
                Map.of(
                    "image", Map.of("repository", "ghcr.io/x/op", "tag", "1.0", "digest", digest)))
            .single(Deployment.class)
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0)
            .getImage();

    assertThat(image).isEqualTo("ghcr.io/x/op@" + digest);
  }

  @Test
  void serviceAccountAnnotationsArePassedThroughForIrsa() {
    ServiceAccount account =
        Chart.template(Variations.all().get("IRSA service account")).single(ServiceAccount.class);

    assertThat(account.getMetadata().getAnnotations())
        .containsEntry(
            "eks.amazonaws.com/role-arn", "arn:aws:iam::123456789012:role/fraud-operator");
  }

  @Test
  void anExistingServiceAccountIsUsedWhenTheChartDoesNotCreateOne() {
    Manifests manifests =
        Chart.template(
            Map.of("serviceAccount", Map.of("create", false, "name", "platform-operator")));

    assertThat(manifests.ofType(ServiceAccount.class)).isEmpty();
    assertThat(
            manifests
                .single(Deployment.class)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getServiceAccountName())
        .isEqualTo("platform-operator");
    assertThat(Rules.allRules(manifests)).isNotEmpty();
    assertThat(
            manifests.all().stream()
                .filter(o -> o.getKind().endsWith("Binding"))
                .map(HasMetadata::getMetadata)
                .toList())
        .isNotEmpty();
  }
}
