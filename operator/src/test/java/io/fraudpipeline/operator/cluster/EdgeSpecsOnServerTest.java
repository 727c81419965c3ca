package io.fraudpipeline.operator.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable.Validation;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.ack.AckBackend;
import io.fraudpipeline.operator.backend.StackBackend;
import io.fraudpipeline.operator.crossplane.CrossplaneBackend;
import io.fraudpipeline.operator.limits.GeneratedPipelines;
import io.fraudpipeline.operator.limits.SpecSummary;
import io.fraudpipeline.operator.model.InvalidSpecException;
import io.fraudpipeline.operator.model.SpecCheck;
import io.fraudpipeline.operator.stack.ManagedObject;
import io.fraudpipeline.testing.cluster.ControlPlane;
import io.fraudpipeline.testing.crd.CrdValidator;
import io.fraudpipeline.testing.crd.FraudPipelineCrd;
import io.fraudpipeline.testing.crd.ProjectPaths;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * A handful of generated edge specs (the same generator as the property test, a fixed seed, its
 * edge cases embedded) on the real server: the server and CrdValidator agree on each, and each that
 * both accept and the operator renders creates every managed resource of both backends strictly.
 */
class EdgeSpecsOnServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final CrdValidator VALIDATOR = FraudPipelineCrd.validator();
  private static final String NAMESPACE = "edge-specs";
  private static KubernetesClient client;

  @BeforeContainer
  static void installCrds() throws IOException {
    ControlPlane cluster = ControlPlane.shared();
    client = cluster.client();
    cluster.applyCrdObjects(
        List.of(Serialization.unmarshal(FraudPipelineCrd.yaml(), CustomResourceDefinition.class)));
    cluster.applyCrds(ControlPlane.yamlFiles(ProjectPaths.providerCrds()));
    cluster.applyCrds(ControlPlane.yamlFiles(ProjectPaths.ackCrds()));
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .serverSideApply();
  }

  @Provide
  Arbitrary<FraudPipeline> pipelines() {
    return GeneratedPipelines.pipelines()
        .map(
            pipeline -> {
              pipeline.getMetadata().setNamespace(NAMESPACE);
              pipeline.getMetadata().setUid(null);
              return pipeline;
            });
  }

  /**
   * The generator's own edges (each size at its bounds as often as inside them), not jqwik's edge
   * cases, which combine only the smallest values.
   */
  @Property(tries = 8, seed = "29", edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.OFF)
  void theServerAndCrdValidatorAgreeAndAnAcceptedSpecCreatesEveryManagedResource(
      @ForAll("pipelines") FraudPipeline pipeline) {
    String label = pipeline.getMetadata().getName();
    JsonNode json = JSON.valueToTree(pipeline);
    List<String> problems = VALIDATOR.validate(json);
    KubernetesClientException refused =
        catchThrowableOfType(
            KubernetesClientException.class,
            () ->
                client
                    .genericKubernetesResources(pipeline.getApiVersion(), pipeline.getKind())
                    .inNamespace(NAMESPACE)
                    .resource(JSON.convertValue(json, GenericKubernetesResource.class))
                    .dryRun()
                    .fieldValidation(Validation.STRICT)
                    .create());

    assertThat(refused == null)
        .as("%s: the server %s, CrdValidator found %s", label, refused, problems)
        .isEqualTo(problems.isEmpty());
    Statistics.label("server").collect(refused == null ? "accepted" : "rejected");
    Statistics.label("specs")
        .collect((refused == null ? "accepted " : "rejected ") + SpecSummary.of(pipeline));
    Statistics.label("server")
        .coverage(
            coverage -> {
              coverage.check("accepted").count(n -> n >= 1);
              coverage.check("rejected").count(n -> n >= 1);
            });
    if (refused != null) {
      assertThat(refused.getStatus().getMessage()).contains("spec");
      return;
    }
    for (StackBackend backend : List.of(CrossplaneBackend.INSTANCE, AckBackend.INSTANCE)) {
      pipeline.getSpec().setBackend(backend.id());
      try {
        SpecCheck.check(pipeline);
        createsEveryManagedResource(label + " on " + backend.id(), backend, pipeline);
        Statistics.label("managed resources").collect(backend.id() + " created");
      } catch (InvalidSpecException beyondTheCrd) {
        assertThat(beyondTheCrd.field()).as(label).startsWith("spec.");
        Statistics.label("managed resources")
            .collect(backend.id() + " refused: " + beyondTheCrd.field());
      }
    }
    Statistics.label("managed resources")
        .coverage(coverage -> coverage.check("CROSSPLANE created").count(n -> n >= 1));
  }

  private static void createsEveryManagedResource(
      String label, StackBackend backend, FraudPipeline pipeline) {
    List<String> pruned = new ArrayList<>();
    List<GenericKubernetesResource> created = new ArrayList<>();
    for (ManagedObject mr : backend.renderAssumingReady(pipeline).desired()) {
      GenericKubernetesResource sent = JSON.convertValue(mr, GenericKubernetesResource.class);
      sent.getMetadata().setOwnerReferences(null);
      GenericKubernetesResource stored =
          client
              .genericKubernetesResources(sent.getApiVersion(), sent.getKind())
              .inNamespace(NAMESPACE)
              .resource(sent)
              .fieldValidation(Validation.STRICT)
              .create();
      created.add(stored);
      ManagedResourcesOnServerTest.missing(
          JSON.valueToTree(sent.getAdditionalProperties()),
          JSON.valueToTree(stored.getAdditionalProperties()),
          sent.getKind() + "/" + sent.getMetadata().getName(),
          pruned);
    }
    assertThat(pruned).as(label).isEmpty();
    created.forEach(r -> client.resource(r).delete());
  }
}
