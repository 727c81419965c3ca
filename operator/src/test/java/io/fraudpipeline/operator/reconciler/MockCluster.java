package io.fraudpipeline.operator.reconciler;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fraudpipeline.api.v1alpha1.Backend;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.backend.StackBackend;
import io.fraudpipeline.operator.crossplane.CrossplaneBackend;
import io.fraudpipeline.operator.crossplane.CrossplaneKinds;
import io.fraudpipeline.operator.stack.ManagedKind;
import io.fraudpipeline.operator.stack.ManagedObject;
import io.fraudpipeline.testing.crd.FraudPipelineCrd;
import io.fraudpipeline.testing.crd.ProjectPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A fabric8 mock API server in CRUD mode (expectations first, for injected errors) with the
 * FraudPipeline CRD and the provider CRDs installed, and a stand-in for the Crossplane provider.
 */
public final class MockCluster implements AutoCloseable {

  /** Held, so the level sticks: JUL keeps loggers only weakly. */
  private static final java.util.logging.Logger MOCK_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  static {
    // the mock server logs every request at INFO
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  public final KubernetesMockServer server;
  final KubernetesClient client;
  final WatchDroppingDispatcher dispatcher;

  /** The stock CRUD store, with expectations (injected errors) answered first. */
  MockCluster() {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    dispatcher = new WatchDroppingDispatcher(new KubernetesMixedDispatcher(responses));
    server =
        new KubernetesMockServer(new Context(), new MockWebServer(), responses, dispatcher, false);
    server.init();
    client = server.createClient();
    client
        .resource(Serialization.unmarshal(FraudPipelineCrd.yaml(), CustomResourceDefinition.class))
        .create();
  }

  void installProviderCrds(Predicate<ManagedKind> which) {
    for (ManagedKind kind : CrossplaneKinds.all()) {
      if (which.test(kind)) {
        installProviderCrd(kind);
      }
    }
  }

  void installProviderCrd(ManagedKind kind) {
    var file = ProjectPaths.providerCrds().resolve(kind.group() + "_" + kind.plural() + ".yaml");
    try {
      client
          .resource(Serialization.unmarshal(Files.readString(file), CustomResourceDefinition.class))
          .create();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The CRDs of every kind a backend emits, from the vendored copies. */
  void installCrds(StackBackend backend) {
    Path dir = backend.id() == Backend.ACK ? ProjectPaths.ackCrds() : ProjectPaths.providerCrds();
    for (ManagedKind kind : backend.kinds()) {
      Path file = dir.resolve(kind.group() + "_" + kind.plural() + ".yaml");
      try {
        client
            .resource(
                Serialization.unmarshal(Files.readString(file), CustomResourceDefinition.class))
            .create();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The objects of a backend's kinds in the namespace. */
  List<ManagedObject> objects(StackBackend backend, String namespace) {
    List<ManagedObject> out = new ArrayList<>();
    for (ManagedKind kind : backend.kinds()) {
      out.addAll(client.resources(kind.type()).inNamespace(namespace).list().getItems());
    }
    return out;
  }

  /**
   * Plays a backend's controllers once: every object they do not report Ready yet gets the status
   * they would write when done (for ACK: ackResourceMetadata, ids, ACK.ResourceSynced). Returns how
   * many it made Ready.
   */
  int controllerPass(StackBackend backend, String namespace) {
    int made = 0;
    for (ManagedObject r : objects(backend, namespace)) {
      if (!backend.isReady(r) && backend.terminalError(r).isEmpty()) {
        r.setAdditionalProperty(
            "status", backend.withAssumedStatus(r).getAdditionalProperties().get("status"));
        client.resource(r).updateStatus();
        made++;
      }
    }
    return made;
  }

  public FraudPipeline create(FraudPipeline pipeline) {
    pipeline.getMetadata().setUid(null);
    pipeline.getMetadata().setResourceVersion(null);
    return client.resource(pipeline).create();
  }

  FraudPipeline get(FraudPipeline pipeline) {
    return client
        .resources(FraudPipeline.class)
        .inNamespace(pipeline.getMetadata().getNamespace())
        .withName(pipeline.getMetadata().getName())
        .get();
  }

  public List<ManagedObject> mrs(String namespace) {
    List<ManagedObject> out = new ArrayList<>();
    for (ManagedKind kind : CrossplaneKinds.all()) {
      out.addAll(listOnce(() -> client.resources(kind.type()).inNamespace(namespace).list()));
    }
    return out;
  }

  /**
   * The harness's own read, tried again once when the mock server had closed the kept-alive
   * connection it went out on (it does so after an injected fault or a dropped watch): the tests
   * observe the cluster through it, so a lost read must not fail them.
   */
  private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> List<T> listOnce(
      java.util.function.Supplier<io.fabric8.kubernetes.api.model.KubernetesResourceList<T>> list) {
    try {
      return list.get().getItems();
    } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
      if (!(e.getCause() instanceof io.vertx.core.http.HttpClosedException)) {
        throw e;
      }
      return list.get().getItems();
    }
  }

  /** Each MR's resourceVersion by "Kind/name": what changes when anything writes to an MR. */
  Map<String, String> resourceVersions(String namespace) {
    Map<String, String> out = new java.util.TreeMap<>();
    for (ManagedObject r : mrs(namespace)) {
      out.put(r.getKind() + "/" + r.getMetadata().getName(), r.getMetadata().getResourceVersion());
    }
    return out;
  }

  <R extends ManagedObject> R mr(Class<R> type, String namespace, String name) {
    return client.resources(type).inNamespace(namespace).withName(name).get();
  }

  /**
   * Plays the provider once: every MR without a Ready condition gets a Ready status with the ARNs
   * and ids other MRs read. Returns how many it made Ready.
   */
  int providerPass(String namespace) {
    int made = 0;
    for (ManagedObject mr : mrs(namespace)) {
      if (!CrossplaneBackend.INSTANCE.isReady(mr)) {
        GenericKubernetesResource withStatus = CrossplaneBackend.INSTANCE.withAssumedStatus(mr);
        mr.setAdditionalProperty("status", withStatus.getAdditionalProperties().get("status"));
        client.resource(mr).updateStatus();
        made++;
      }
    }
    return made;
  }

  /** Drops the requests recorded so far. */
  void forgetRequests() throws InterruptedException {
    while (server.takeRequest(1, TimeUnit.MILLISECONDS) != null) {
      // drain
    }
  }

  /** The requests recorded since the last call, as "METHOD path". */
  List<String> requests() throws InterruptedException {
    List<String> out = new ArrayList<>();
    for (RecordedRequest r : recordedRequests()) {
      out.add(r.getMethod() + " " + r.getPath());
    }
    return out;
  }

  /** The requests recorded since the last call. */
  List<RecordedRequest> recordedRequests() throws InterruptedException {
    List<RecordedRequest> out = new ArrayList<>();
    RecordedRequest r;
    while ((r = server.takeRequest(1, TimeUnit.MILLISECONDS)) != null) {
      out.add(r);
    }
    return out;
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
