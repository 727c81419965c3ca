package io.fraudpipeline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fraudpipeline.testing.cluster.ControlPlane;
import io.fraudpipeline.testing.crd.FraudPipelineCrd;
import io.fraudpipeline.testing.crd.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart's CRD lifecycle on a real API server, with the Helm engine the chart tests use: a CRD
 * left by the 0.1.0 chart (created from its crds/ folder, owned by no release) is adopted as
 * docs/deploy.md says, `helm install` takes it over, `helm upgrade` with a CRD that gained an
 * optional field makes the server keep that field in a pipeline, and `helm uninstall` leaves the
 * CRD and the pipeline.
 */
class ChartOnServerTest {

  private static final String CRD = "fraudpipelines.fraudpipeline.io";
  private static final String RELEASE = "fraud-pipeline-operator";
  private static final String RELEASE_NAMESPACE = "chart-on-server";
  private static final String PIPELINES = "chart-pipelines";

  @TempDir Path work;

  @Test
  void installAdoptsTheCrdUpgradeUpgradesItAndUninstallKeepsItAndThePipelines() throws Exception {
    ControlPlane cluster = ControlPlane.shared();
    KubernetesClient client = cluster.client();
    // as the 0.1.0 chart left it: the CRD from crds/, which Helm creates owned by no release
    cluster.applyCrdObjects(
        List.of(Serialization.unmarshal(FraudPipelineCrd.yaml(), CustomResourceDefinition.class)));
    // docs/deploy.md's adoption, as its kubectl annotate and label do
    client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .withName(CRD)
        .edit(
            crd -> {
              crd.getMetadata()
                  .getAnnotations()
                  .putAll(
                      Map.of(
                          "meta.helm.sh/release-name", RELEASE,
                          "meta.helm.sh/release-namespace", RELEASE_NAMESPACE));
              crd.getMetadata().getLabels().put("app.kubernetes.io/managed-by", "Helm");
              return crd;
            });
    Path kubeconfig = cluster.kubeconfig();

    new Helm(Chart.dir())
        .install()
        .withName(RELEASE)
        .withNamespace(RELEASE_NAMESPACE)
        .createNamespace()
        .withKubeConfig(kubeconfig)
        .call();
    assertThat(crd(client).getMetadata().getAnnotations())
        .containsEntry("helm.sh/resource-policy", "keep")
        .containsEntry("meta.helm.sh/release-name", RELEASE);

    namespace(client, PIPELINES);
    GenericKubernetesResource pipeline = minimalPipeline();
    pipelines(client).resource(pipeline).create();

    Path upgraded = LaterRelease.chart(work, "upgradeProbe");
    new Helm(upgraded)
        .upgrade()
        .withName(RELEASE)
        .withNamespace(RELEASE_NAMESPACE)
        .withKubeConfig(kubeconfig)
        .call();
    Map<String, Object> spec =
        specOf(pipelines(client).withName(pipeline.getMetadata().getName()).get());
    spec.put("upgradeProbe", "kept");
    GenericKubernetesResource edited =
        pipelines(client).withName(pipeline.getMetadata().getName()).get();
    edited.setAdditionalProperty("spec", spec);
    pipelines(client).resource(edited).update();
    assertThat(specOf(pipelines(client).withName(pipeline.getMetadata().getName()).get()))
        .as("the field the upgraded CRD knows is kept, not pruned")
        .containsEntry("upgradeProbe", "kept");

    Helm.uninstall(RELEASE).withNamespace(RELEASE_NAMESPACE).withKubeConfig(kubeconfig).call();
    assertThat(crd(client)).as("the CRD outlives the release").isNotNull();
    assertThat(pipelines(client).withName(pipeline.getMetadata().getName()).get())
        .as("and so does the pipeline")
        .isNotNull();
    assertThat(client.apps().deployments().inNamespace(RELEASE_NAMESPACE).list().getItems())
        .as("the operator itself is gone")
        .isEmpty();

    // put the CRD of this build back for the other tests of this JVM
    pipelines(client).withName(pipeline.getMetadata().getName()).delete();
    cluster.applyCrdObjects(
        List.of(Serialization.unmarshal(FraudPipelineCrd.yaml(), CustomResourceDefinition.class)));
  }

  private static CustomResourceDefinition crd(KubernetesClient client) {
    return client.apiextensions().v1().customResourceDefinitions().withName(CRD).get();
  }

  private static io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<
          GenericKubernetesResource,
          io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
          io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>>
      pipelines(KubernetesClient client) {
    return client
        .genericKubernetesResources("fraudpipeline.io/v1alpha1", "FraudPipeline")
        .inNamespace(PIPELINES);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> specOf(GenericKubernetesResource pipeline) {
    return (Map<String, Object>) pipeline.getAdditionalProperties().get("spec");
  }

  private static void namespace(KubernetesClient client, String name) {
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .serverSideApply();
  }

  private static GenericKubernetesResource minimalPipeline() throws IOException {
    GenericKubernetesResource pipeline =
        Serialization.unmarshal(
            Files.readString(ProjectPaths.examples().resolve("fraudpipeline-minimal.yaml")),
            GenericKubernetesResource.class);
    pipeline.getMetadata().setNamespace(PIPELINES);
    return pipeline;
  }
}
