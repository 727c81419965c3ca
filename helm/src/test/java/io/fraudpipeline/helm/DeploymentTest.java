package io.fraudpipeline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DeploymentTest {

  private final Deployment deployment = Chart.template().single(Deployment.class);
  private final PodSpec pod = deployment.getSpec().getTemplate().getSpec();
  private final Container container = pod.getContainers().get(0);

  @Test
  void runsOneOperatorContainerWithTheRunCommand() {
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
    assertThat(pod.getContainers()).hasSize(1);
    assertThat(container.getArgs()).containsExactly("run");
    assertThat(container.getPorts())
        .singleElement()
        .satisfies(
            port -> {
              assertThat(port.getName()).isEqualTo("http");
              assertThat(port.getContainerPort()).isEqualTo(8080);
            });
  }

  @Test
  void podRunsAsNonRootWithTheRuntimeDefaultSeccompProfile() {
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
  }

  @Test
  void containerIsHardened() {
    SecurityContext security = container.getSecurityContext();

    assertThat(security.getRunAsNonRoot()).isTrue();
    assertThat(security.getAllowPrivilegeEscalation()).isFalse();
    assertThat(security.getReadOnlyRootFilesystem()).isTrue();
    assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
    assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(security.getPrivileged()).isNotEqualTo(Boolean.TRUE);
  }

  @Test
  void tmpIsTheOnlyWritablePathAndIsABoundedEmptyDir() {
    assertThat(container.getVolumeMounts())
        .extracting(VolumeMount::getMountPath)
        .containsExactly("/tmp");
    assertThat(pod.getVolumes())
        .singleElement()
        .satisfies(
            volume -> {
              assertThat(volume.getName()).isEqualTo(container.getVolumeMounts().get(0).getName());
              assertThat(volume.getEmptyDir()).isNotNull();
              assertThat(volume.getEmptyDir().getSizeLimit()).isEqualTo(new Quantity("64Mi"));
            });
  }

  @Test
  void hasRequestsAndLimits() {
    assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
    assertThat(Quantity.getAmountInBytes(container.getResources().getLimits().get("memory")))
        .isGreaterThanOrEqualTo(
            Quantity.getAmountInBytes(container.getResources().getRequests().get("memory")));
  }

  @Test
  void probesUseTheHealthEndpointsOnTheHttpPort() {
    assertHttpProbe(container.getLivenessProbe(), "/livez");
    assertHttpProbe(container.getReadinessProbe(), "/readyz");
    assertHttpProbe(container.getStartupProbe(), "/livez");
    // the startup probe must allow a JVM start plus the first informer sync
    Probe startup = container.getStartupProbe();
    assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold())
        .isGreaterThanOrEqualTo(60);
  }

  @Test
  void terminatesGracefully() {
    assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThanOrEqualTo(10L);
  }

  @Test
  void configuresTheOperatorThroughItsEnvironmentVariables() {
    Map<String, EnvVar> env =
        container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));

    assertThat(env.keySet())
        .containsExactlyInAnyOrder(
            "WATCH_NAMESPACES",
            "POD_NAMESPACE",
            "LOG_LEVEL",
            "LOG_FORMAT",
            "LEADER_ELECTION",
            "RECONCILE_CONCURRENCY",
            "RESYNC_PERIOD",
            "DELETION_STUCK_AFTER");
    assertThat(env.get("WATCH_NAMESPACES").getValue()).as("empty = all namespaces").isEmpty();
    assertThat(env.get("POD_NAMESPACE").getValueFrom().getFieldRef().getFieldPath())
        .isEqualTo("metadata.namespace");
    assertThat(env.get("LOG_LEVEL").getValue()).isEqualTo("INFO");
    assertThat(env.get("LOG_FORMAT").getValue()).isEqualTo("json");
    assertThat(env.get("LEADER_ELECTION").getValue()).isEqualTo("true");
    assertThat(env.get("RECONCILE_CONCURRENCY").getValue()).isEqualTo("5");
    assertThat(env.get("RESYNC_PERIOD").getValue()).isEqualTo("10m");
    assertThat(env.get("DELETION_STUCK_AFTER").getValue()).isEqualTo("5m");
  }

  @Test
  void podsAreSelectedByStableLabelsOnly() {
    assertThat(deployment.getSpec().getSelector().getMatchLabels())
        .containsOnlyKeys("app.kubernetes.io/name", "app.kubernetes.io/instance");
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
  }

  @Test
  void runsAsTheChartsServiceAccount() {
    assertThat(pod.getServiceAccountName()).isEqualTo("fpo-fraud-pipeline-operator");
  }

  @Test
  void javaOptionsAndExtraEnvironmentArePassedThrough() {
    Container custom =
        Chart.template(
                Map.of(
                    "operator",
                    Map.of(
                        "javaOptions", "-XX:MaxRAMPercentage=60.0",
                        "extraEnv",
                            List.of(Map.of("name", "HTTPS_PROXY", "value", "http://proxy:3128")),
                        "logLevel", "DEBUG")))
            .single(Deployment.class)
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);

    assertThat(custom.getEnv())
        .contains(
            new EnvVar("JAVA_OPTS", "-XX:MaxRAMPercentage=60.0", null),
            new EnvVar("HTTPS_PROXY", "http://proxy:3128", null),
            new EnvVar("LOG_LEVEL", "DEBUG", null));
  }

  private static void assertHttpProbe(Probe probe, String path) {
    assertThat(probe).isNotNull();
    assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
    assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
  }
}
