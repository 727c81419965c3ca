package io.fraudpipeline.operator.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable.Validation;
import io.fraudpipeline.api.v1alpha1.Authorization;
import io.fraudpipeline.api.v1alpha1.Backend;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.crossplane.CrossplaneBackend;
import io.fraudpipeline.operator.crossplane.CrossplaneKinds;
import io.fraudpipeline.operator.runtime.InstalledBackends;
import io.fraudpipeline.operator.stack.ManagedKind;
import io.fraudpipeline.operator.stack.ManagedObject;
import io.fraudpipeline.operator.stack.RenderedStack;
import io.fraudpipeline.testing.cluster.ControlPlane;
import io.fraudpipeline.testing.crd.ProjectPaths;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every object the operator emits, for every example and variant (status-dependent ones included)
 * and on each backend, is created on a real kube-apiserver with the vendored Crossplane provider
 * and ACK CRDs installed, strictly (an unknown field is an error, as with kubectl), and reads back
 * with everything that was sent: nothing rejected, nothing pruned.
 */
class ManagedResourcesOnServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static KubernetesClient client;

  @BeforeAll
  static void installBackendCrds() throws IOException {
    ControlPlane cluster = ControlPlane.shared();
    client = cluster.client();
    cluster.applyCrds(ControlPlane.yamlFiles(ProjectPaths.providerCrds()));
    cluster.applyCrds(ControlPlane.yamlFiles(ProjectPaths.ackCrds()));
  }

  static Stream<Arguments> pipelines() {
    List<Arguments> args = new ArrayList<>();
    for (Path example : Fixtures.examplePipelines()) {
      args.add(Arguments.of("examples/" + example.getFileName(), Fixtures.example(example)));
    }
    for (String fixture : List.of("seed", "variants", "minimal")) {
      args.add(Arguments.of("fixture " + fixture, Fixtures.pipeline(fixture)));
    }
    return args.stream();
  }

  /** Every pipeline on each backend; the ACK backend refuses API_KEY, so those are left out. */
  static Stream<Arguments> pipelinesOnEachBackend() {
    List<Arguments> args = new ArrayList<>();
    for (Backend backend : Backend.values()) {
      pipelines()
          .map(Arguments::get)
          .forEach(
              a -> {
                FraudPipeline pipeline = (FraudPipeline) a[1];
                pipeline.getSpec().setBackend(backend);
                boolean refused =
                    backend == Backend.ACK
                        && pipeline.getSpec().getApi().getAuthorization() == Authorization.API_KEY;
                if (!refused) {
                  args.add(Arguments.of(backend.value() + " " + a[0], pipeline));
                }
              });
    }
    return args.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pipelinesOnEachBackend")
  void everyManagedResourceIsStoredAsSent(String label, FraudPipeline pipeline) {
    String namespace =
        "mr-" + label.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("-+$", "");
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .serverSideApply();
    RenderedStack stack = InstalledBackends.all().of(pipeline).renderAssumingReady(pipeline);
    assertThat(stack.waiting()).as("nothing left waiting once all is Ready").isEmpty();

    List<String> pruned = new ArrayList<>();
    for (ManagedObject mr : stack.desired()) {
      GenericKubernetesResource sent = JSON.convertValue(mr, GenericKubernetesResource.class);
      sent.getMetadata().setNamespace(namespace);
      // no owner exists here: the garbage collector would delete the object while it is read
      sent.getMetadata().setOwnerReferences(null);
      GenericKubernetesResource stored =
          client
              .genericKubernetesResources(sent.getApiVersion(), sent.getKind())
              .inNamespace(namespace)
              .resource(sent)
              .fieldValidation(Validation.STRICT)
              .create();
      String what = sent.getKind() + "/" + sent.getMetadata().getName();
      missing(
          JSON.valueToTree(sent.getAdditionalProperties()),
          JSON.valueToTree(stored.getAdditionalProperties()),
          what,
          pruned);
      missing(
          JSON.valueToTree(sent.getMetadata().getLabels()),
          JSON.valueToTree(stored.getMetadata().getLabels()),
          what + " labels",
          pruned);
    }
    assertThat(pruned).as(label).isEmpty();
    client.namespaces().withName(namespace).delete();
  }

  @Test
  void theExamplesAndVariantsCoverEveryKindTheOperatorCanEmit() {
    Map<String, Integer> kinds = new HashMap<>();
    pipelines()
        .map(a -> (FraudPipeline) a.get()[1])
        .flatMap(p -> CrossplaneBackend.INSTANCE.renderAssumingReady(p).desired().stream())
        .forEach(mr -> kinds.merge(mr.getKind(), 1, Integer::sum));

    assertThat(kinds.keySet())
        .containsExactlyInAnyOrderElementsOf(
            CrossplaneKinds.all().stream().map(ManagedKind::kind).toList());
  }

  @Test
  void aMisspelledFieldIsRejectedNamingIt() {
    RenderedStack stack = CrossplaneBackend.INSTANCE.renderAssumingReady(Fixtures.pipeline("seed"));
    ManagedObject method =
        stack.desired().stream().filter(r -> r.getKind().equals("Method")).findFirst().get();
    Fixtures.forProvider(method).put("httpMethd", "POST");
    GenericKubernetesResource misspelled =
        JSON.convertValue(method, GenericKubernetesResource.class);
    misspelled.getMetadata().setNamespace("default");
    misspelled.getMetadata().setOwnerReferences(null);

    KubernetesClientException rejected =
        catchThrowableOfType(
            KubernetesClientException.class,
            () ->
                client
                    .genericKubernetesResources(misspelled.getApiVersion(), misspelled.getKind())
                    .inNamespace("default")
                    .resource(misspelled)
                    .fieldValidation(Validation.STRICT)
                    .create());
    assertThat(rejected).isNotNull();
    assertThat(rejected.getStatus().getMessage()).contains("spec.forProvider.httpMethd");
  }

  /** Adds to problems every value of sent that stored lacks or holds differently. */
  static void missing(JsonNode sent, JsonNode stored, String path, List<String> problems) {
    if (sent == null || sent.isNull()) {
      return;
    }
    if (sent.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = sent.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        JsonNode there = stored == null ? null : stored.get(field.getKey());
        if (field.getValue().isNull()) {
          continue;
        }
        if (there == null) {
          problems.add(path + "." + field.getKey() + " dropped");
        } else {
          missing(field.getValue(), there, path + "." + field.getKey(), problems);
        }
      }
    } else if (sent.isArray()) {
      if (stored == null || !stored.isArray() || stored.size() != sent.size()) {
        problems.add(path + " stored as " + stored);
        return;
      }
      for (int i = 0; i < sent.size(); i++) {
        missing(sent.get(i), stored.get(i), path + "[" + i + "]", problems);
      }
    } else if (sent.isNumber() && stored.isNumber()) {
      if (sent.decimalValue().compareTo(stored.decimalValue()) != 0) {
        problems.add(path + ": sent " + sent + ", stored " + stored);
      }
    } else if (!sent.equals(stored)) {
      problems.add(path + ": sent " + sent + ", stored " + stored);
    }
  }
}
