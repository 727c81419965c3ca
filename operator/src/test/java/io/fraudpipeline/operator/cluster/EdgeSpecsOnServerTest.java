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
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A handful of generated edge specs (the same generator as the property test, a fixed seed) on the
 * real server: the server and CrdValidator agree on each, and each that both accept and the
 * operator renders creates every managed resource of both backends strictly.
 */
class EdgeSpecsOnServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final CrdValidator VALIDATOR = FraudPipelineCrd.validator();
  private static final String NAMESPACE = "edge-specs";
  private static KubernetesClient client;

  @BeforeAll
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

  private static final int SPECS = 8;

  /** Each spec's seed comes from this one, as in the property test; a failure names its seed. */
  private static final long SEED = 29;

  /**
   * The generator's own edges: each size at either bound 2 times in 5. The server must accept one
   * and reject one, and one must create every Crossplane managed resource, so the test cannot pass
   * on refusals alone.
   */
  @Test
  void theServerAndCrdValidatorAgreeAndAnAcceptedSpecCreatesEveryManagedResource() {
    Map<String, Integer> outcomes =
        GeneratedPipelines.tally(
            SEED,
            SPECS,
            pipeline -> {
              pipeline.getMetadata().setNamespace(NAMESPACE);
              pipeline.getMetadata().setUid(null);
              return onTheServer(pipeline);
            });
    assertThat(outcomes)
        .as("outcomes of %d specs", SPECS)
        .containsKeys("server accepted", "server rejected", "CROSSPLANE created");
  }

  /** What happened to the spec: the server's verdict, then each backend's. */
  private static List<String> onTheServer(FraudPipeline pipeline) {
    List<String> outcomes = new ArrayList<>();
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
    outcomes.add(refused == null ? "server accepted" : "server rejected");
    if (refused != null) {
      assertThat(refused.getStatus().getMessage()).contains("spec");
      return outcomes;
    }
    for (StackBackend backend : List.of(CrossplaneBackend.INSTANCE, AckBackend.INSTANCE)) {
      pipeline.getSpec().setBackend(backend.id());
      try {
        SpecCheck.check(pipeline);
        createsEveryManagedResource(label + " on " + backend.id(), backend, pipeline);
        outcomes.add(backend.id() + " created");
      } catch (InvalidSpecException beyondTheCrd) {
        assertThat(beyondTheCrd.field()).as(label).startsWith("spec.");
        outcomes.add(backend.id() + " refused");
      }
    }
    return outcomes;
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
