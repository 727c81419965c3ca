package io.fraudpipeline.operator.cli;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.backend.StackBackend;
import io.fraudpipeline.operator.cache.CompactTrees;
import io.fraudpipeline.operator.model.Ownership;
import io.fraudpipeline.operator.stack.ManagedKind;
import io.fraudpipeline.operator.stack.ObservedObjects;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code diff} reads from the cluster, with the user's credentials and only by {@code list}:
 * the pipeline, and its objects as the operator's cache holds them (selected by the operator's
 * labels, pruned and compacted alike). A refusal is one line naming the verb and the resource.
 */
final class ClusterReads {

  private static final String PIPELINES = "fraudpipelines." + FraudPipeline.GROUP;

  private final KubernetesClient client;

  ClusterReads(KubernetesClient client) {
    this.client = client;
  }

  /** The pipeline of that name, if there is one; listed by name, so {@code list} suffices. */
  Optional<FraudPipeline> pipeline(String namespace, String name) {
    try {
      return client
          .resources(FraudPipeline.class)
          .inNamespace(namespace)
          .withField("metadata.name", name)
          .list()
          .getItems()
          .stream()
          .findFirst();
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        throw new Refused(
            "the FraudPipeline CRD ("
                + PIPELINES
                + ") is not installed in the cluster at "
                + client.getMasterUrl()
                + ": install the operator's chart");
      }
      throw refused(e, PIPELINES, namespace);
    }
  }

  /**
   * The pipeline's objects of every kind of its backend.
   *
   * @throws Refused naming the kinds whose CRDs are missing, or a kind the user may not list
   */
  ObservedObjects objects(FraudPipeline pipeline, StackBackend backend) {
    String namespace = pipeline.getMetadata().getNamespace();
    List<GenericKubernetesResource> found = new ArrayList<>();
    List<ManagedKind> missing = new ArrayList<>();
    for (ManagedKind kind : backend.kinds()) {
      try {
        for (GenericKubernetesResource object :
            client
                .resources(kind.type())
                .inNamespace(namespace)
                .withLabel(Ownership.MANAGED_BY_LABEL, Ownership.MANAGED_BY)
                .withLabel(Ownership.PIPELINE_LABEL, pipeline.getMetadata().getName())
                .list()
                .getItems()) {
          found.add(CompactTrees.compacted(backend.pruned(object)));
        }
      } catch (KubernetesClientException e) {
        if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
          missing.add(kind);
        } else {
          throw refused(e, kind.crdName(), namespace);
        }
      }
    }
    if (!missing.isEmpty()) {
      throw new Refused(backend.missingCrdsMessage(missing));
    }
    return new ObservedObjects(found);
  }

  /** One line for a list the server refused or never answered. */
  private Refused refused(KubernetesClientException e, String resource, String namespace) {
    if (e.getCode() <= 0) {
      // no HTTP status: the request never got an answer
      return new Refused(
          "cannot reach the Kubernetes API server at " + client.getMasterUrl() + causes(e));
    }
    return switch (e.getCode()) {
      case HttpURLConnection.HTTP_FORBIDDEN ->
          new Refused("cannot list " + resource + " in namespace " + namespace + ": forbidden");
      case HttpURLConnection.HTTP_UNAUTHORIZED ->
          new Refused(
              "the Kubernetes API server at "
                  + client.getMasterUrl()
                  + " refused the credentials of the kubeconfig (401 Unauthorized)");
      default ->
          new Refused(
              "cannot list "
                  + resource
                  + " in namespace "
                  + namespace
                  + ": "
                  + e.getCode()
                  + " "
                  + firstLine(e.getStatus() == null ? e.getMessage() : e.getStatus().getMessage()));
    };
  }

  /** The causes' messages, each once: "connection refused", not a stack trace. */
  private static String causes(Throwable e) {
    StringBuilder line = new StringBuilder();
    String last = null;
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      String message =
          firstLine(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
      if (!message.isBlank() && (last == null || !last.contains(message))) {
        line.append(": ").append(message);
        last = message;
      }
    }
    return line.toString();
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }

  /** The cluster did not give what {@code diff} needs; the message says what, in one line. */
  static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }
}
