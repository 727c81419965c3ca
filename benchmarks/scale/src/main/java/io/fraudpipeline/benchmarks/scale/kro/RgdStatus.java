package io.fraudpipeline.benchmarks.scale.kro;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Waits for kro to accept the fixture RGD and serve its instance kind. */
final class RgdStatus {

  static final String RGD_API_VERSION = "kro.run/v1alpha1";
  static final String RGD_KIND = "ResourceGraphDefinition";

  /** Accepting the RGD is one reconcile: kro checks the graph, then registers the CRD. */
  private static final Duration PATIENCE = Duration.ofSeconds(120);

  private RgdStatus() {}

  static void awaitActive(KubernetesClient client, Rgd rgd, KroController controller)
      throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    Object lastStatus = null;
    while (System.nanoTime() < deadline) {
      if (!controller.isAlive()) {
        throw new IllegalStateException("kro's controller exited; see " + controller.log());
      }
      GenericKubernetesResource r =
          client.genericKubernetesResources(RGD_API_VERSION, RGD_KIND).withName(rgd.name()).get();
      Object status = r == null ? null : r.getAdditionalProperties().get("status");
      if (status instanceof Map<?, ?> m && "Active".equals(m.get("state"))) {
        return;
      }
      String refusal = refusal(status);
      if (refusal != null) {
        throw new IllegalStateException("kro refused RGD " + rgd.name() + ": " + refusal);
      }
      lastStatus = status;
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        "kro did not make RGD "
            + rgd.name()
            + " Active in "
            + PATIENCE.toSeconds()
            + " s; its status: "
            + lastStatus
            + " (log: "
            + controller.log()
            + ")");
  }

  /** kro's reason when it rejected the graph (condition GraphAccepted False), else null. */
  private static String refusal(Object status) {
    if (!(status instanceof Map<?, ?> m) || !(m.get("conditions") instanceof List<?> conditions)) {
      return null;
    }
    for (Object c : conditions) {
      if (c instanceof Map<?, ?> condition
          && "GraphAccepted".equals(condition.get("type"))
          && "False".equals(condition.get("status"))) {
        return String.valueOf(condition.get("message"));
      }
    }
    return null;
  }

  static void awaitServed(KubernetesClient client, Rgd rgd) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    KubernetesClientException last = null;
    while (System.nanoTime() < deadline) {
      try {
        client
            .genericKubernetesResources(rgd.instanceApiVersion(), rgd.instanceKind())
            .inAnyNamespace()
            .list();
        return;
      } catch (KubernetesClientException e) {
        last = e;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        "the server does not list " + rgd.instanceKind() + " in " + PATIENCE.toSeconds() + " s",
        last);
  }
}
