package io.fraudpipeline.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.testing.crd.FraudPipelineCrd;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's indexed store must answer exactly as the stock CRUD store: one sequence of
 * requests (same names across kinds and namespaces, conflicts, stale updates, label changes,
 * patches, status, finalizers, deletes, cluster-scoped objects) replayed against both.
 */
class IndexedCrudDispatcherTest {

  @Test
  void answersEveryRequestAsTheStockStoreDoes() {
    List<String> stock = replay(new KubernetesCrudDispatcher());
    List<String> indexed = replay(new IndexedCrudDispatcher());

    assertThat(indexed).containsExactlyElementsOf(stock);
    // the sequence exercises what it means to: found, missing, conflicts and changes
    assertThat(stock)
        .anyMatch(s -> s.startsWith("error 409"))
        .anyMatch(s -> s.equals("null"))
        .anyMatch(s -> s.contains("\"deletionTimestamp\""))
        .anyMatch(s -> s.contains("\"tier\":\"gold\""));
  }

  private static List<String> replay(Dispatcher dispatcher) {
    var server =
        new KubernetesMockServer(
            new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    server.init();
    try (KubernetesClient client = server.createClient()) {
      List<String> outcomes = new ArrayList<>();
      for (Function<KubernetesClient, Object> step : steps()) {
        outcomes.add(outcome(client, step));
      }
      return outcomes;
    } finally {
      server.destroy();
    }
  }

  private static String outcome(KubernetesClient client, Function<KubernetesClient, Object> step) {
    try {
      Object result = step.apply(client);
      if (result instanceof HasMetadata object) {
        object.getMetadata().setUid(null);
        object.getMetadata().setCreationTimestamp(null);
        if (object.getMetadata().getDeletionTimestamp() != null) {
          object.getMetadata().setDeletionTimestamp("set");
        }
      }
      if (result instanceof KubernetesResourceList<?> list) {
        return list.getItems().stream()
            .map(i -> i.getMetadata().getName() + "@" + i.getMetadata().getNamespace())
            .sorted()
            .toList()
            .toString();
      }
      return String.valueOf(Serialization.asJson(result));
    } catch (KubernetesClientException e) {
      return "error " + e.getCode();
    }
  }

  private static ConfigMap configMap(String namespace, String name, String value) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .endMetadata()
        .addToData("v", value)
        .build();
  }

  private static List<Function<KubernetesClient, Object>> steps() {
    Secret secret =
        new SecretBuilder()
            .withNewMetadata()
            .withNamespace("ns1")
            .withName("a")
            .endMetadata()
            .addToStringData("k", "s")
            .build();
    FraudPipeline pipeline = Fixtures.pipeline("seed");
    pipeline.getMetadata().setNamespace("ns1");
    pipeline.getMetadata().setName("a");
    return List.of(
        c ->
            c.resource(
                    Serialization.unmarshal(
                        FraudPipelineCrd.yaml(), CustomResourceDefinition.class))
                .create(),
        c -> c.resource(configMap("ns1", "a", "1")).create(),
        c -> c.resource(configMap("ns2", "a", "2")).create(),
        c -> c.resource(secret).create(),
        c -> c.resource(configMap("ns1", "a", "again")).create(),
        c -> c.configMaps().inNamespace("ns1").withName("a").get(),
        c -> c.configMaps().inNamespace("ns2").withName("a").get(),
        c -> c.secrets().inNamespace("ns1").withName("a").get(),
        c -> c.configMaps().inNamespace("ns1").withName("missing").get(),
        c -> c.configMaps().inNamespace("ns3").withName("a").get(),
        c -> c.resource(pipeline).create(),
        c -> c.resources(FraudPipeline.class).inNamespace("ns1").withName("a").get(),
        c ->
            c.configMaps()
                .inNamespace("ns1")
                .withName("a")
                .edit(
                    cm ->
                        new ConfigMapBuilder(cm)
                            .editMetadata()
                            .addToLabels("tier", "gold")
                            .endMetadata()
                            .build()),
        c -> c.configMaps().inNamespace("ns1").withName("a").get(),
        c -> c.configMaps().inAnyNamespace().withLabel("tier", "gold").list(),
        c -> c.configMaps().inNamespace("ns1").withLabel("tier", "gold").list(),
        c -> {
          ConfigMap stale = configMap("ns1", "a", "stale");
          stale.getMetadata().setResourceVersion("1");
          return c.resource(stale).update();
        },
        c ->
            c.secrets()
                .inNamespace("ns1")
                .withName("a")
                .patch(
                    PatchContext.of(PatchType.JSON_MERGE),
                    "{\"metadata\":{\"labels\":{\"tier\":\"silver\"}}}"),
        c -> c.secrets().inNamespace("ns1").withLabel("tier", "silver").list(),
        c -> {
          FraudPipeline stored =
              c.resources(FraudPipeline.class).inNamespace("ns1").withName("a").get();
          stored.setStatus(new io.fraudpipeline.api.v1alpha1.FraudPipelineStatus());
          stored.getStatus().setObservedGeneration(1L);
          return c.resource(stored).updateStatus();
        },
        c ->
            c.apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName("fraudpipelines.fraudpipeline.io")
                .get()
                .getMetadata()
                .getName(),
        c ->
            c.configMaps()
                .inNamespace("ns2")
                .withName("a")
                .edit(
                    cm ->
                        new ConfigMapBuilder(cm)
                            .editMetadata()
                            .addToFinalizers("test/hold")
                            .endMetadata()
                            .build()),
        c -> c.configMaps().inNamespace("ns2").withName("a").delete().size(),
        c -> c.configMaps().inNamespace("ns2").withName("a").get(),
        c ->
            c.configMaps()
                .inNamespace("ns2")
                .withName("a")
                .edit(
                    cm ->
                        new ConfigMapBuilder(cm)
                            .editMetadata()
                            .withFinalizers()
                            .endMetadata()
                            .build()),
        c -> c.configMaps().inNamespace("ns2").withName("a").get(),
        c -> c.configMaps().inNamespace("ns1").withName("a").delete().size(),
        c -> c.configMaps().inNamespace("ns1").withName("a").get(),
        c -> c.secrets().inNamespace("ns1").withName("a").get(),
        c -> c.resource(configMap("ns1", "a", "reborn")).create(),
        c -> c.configMaps().inAnyNamespace().list(),
        c -> c.configMaps().inAnyNamespace().withField("metadata.name", "a").list(),
        c ->
            c.apiextensions().v1().customResourceDefinitions().withName("missing.example.io").get(),
        c ->
            Map.of(
                "pipelines",
                c.resources(FraudPipeline.class).inAnyNamespace().list().getItems().size()));
  }
}
