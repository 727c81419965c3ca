package io.fraudpipeline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fraudpipeline.testing.cluster.ControlPlane;
import io.fraudpipeline.testing.crd.FraudPipelineCrd;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The FraudPipeline health check of examples/argocd/argocd-cm.yaml on statuses stored by a real
 * kube-apiserver and read back, in gopher-lua (the Lua 5.1 engine Argo CD embeds): the health each
 * case expects (Healthy, Progressing, Degraded).
 */
class ArgoCdHealthOnServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NAMESPACE = "argocd-health";
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static KubernetesClient client;

  @BeforeAll
  static void installCrd() {
    ControlPlane cluster = ControlPlane.shared();
    client = cluster.client();
    cluster.applyCrdObjects(
        List.of(Serialization.unmarshal(FraudPipelineCrd.yaml(), CustomResourceDefinition.class)));
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .serverSideApply();
  }

  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> fraudPipelineCases()
      throws java.io.IOException {
    return ArgoCdHealthCheckTest.fraudPipelineCases();
  }

  /**
   * The case's status stored on a valid pipeline; its generations kept relative to the server's.
   */
  private static JsonNode storedOnServer(JsonNode object) {
    GenericKubernetesResource p =
        Serialization.unmarshal(
            """
            apiVersion: fraudpipeline.io/v1alpha1
            kind: FraudPipeline
            metadata: {name: health-%d, namespace: %s}
            spec:
              region: us-east-1
              functions:
                code: {s3Bucket: my-artifacts, s3Key: f.zip}
            """
                .formatted(NAMES.incrementAndGet(), NAMESPACE),
            GenericKubernetesResource.class);
    GenericKubernetesResource created = client.resource(p).create();
    // spec edits until the server's generation is the case's
    for (long g = 1; g < object.at("/metadata/generation").asLong(1); g++) {
      String tag = Long.toString(g);
      created =
          client
              .resource(created)
              .edit(
                  r -> {
                    @SuppressWarnings("unchecked")
                    var spec =
                        (java.util.Map<String, Object>) r.getAdditionalProperties().get("spec");
                    spec.put("tags", java.util.Map.of("edit", tag));
                    return r;
                  });
    }
    JsonNode status = object.get("status");
    if (status != null) {
      created.setAdditionalProperty("status", JSON.convertValue(status, Object.class));
      client.resource(created).updateStatus();
    }
    return JSON.valueToTree(
        client
            .genericKubernetesResources("fraudpipeline.io/v1alpha1", "FraudPipeline")
            .inNamespace(NAMESPACE)
            .withName(created.getMetadata().getName())
            .get());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fraudPipelineCases")
  void theStoredStatusGivesTheExpectedHealth(JsonNode testCase) throws Exception {
    JsonNode stored = storedOnServer(testCase.get("object"));
    if (testCase.at("/object/status").isMissingNode()) {
      assertThat(stored.has("status")).isFalse();
    }

    ArgoCdHealthCheckTest.assertHealth(ArgoCdHealthCheckTest.FRAUD_PIPELINE_KEY, testCase, stored);
  }
}
