package io.fraudpipeline.operator.reconciler;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fraudpipeline.operator.crossplane.CrossplaneBackend;
import io.fraudpipeline.operator.crossplane.CrossplaneKinds;
import io.fraudpipeline.operator.stack.ManagedKind;
import io.fraudpipeline.operator.stack.ManagedObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays the Crossplane provider for the benchmark: watches every kind and marks each new MR Ready
 * with the ARNs others read, echoing {@code spec.forProvider} in {@code status.atProvider} as Upjet
 * providers do (which is what makes MRs large in a real cluster). {@link #withFinalizers}, like the
 * provider it puts its finalizer on each MR and, when the MR is deleted, deletes the AWS resource
 * (unless its management policies leave out Delete) before it releases the MR: after {@link
 * #deleteAfter}, never for an MR {@link #hold held}. A paused MR ({@code crossplane.io/paused}) is
 * left alone, its deletion included; an API key's value is published to the Secret its {@code
 * writeConnectionSecretToRef} names.
 */
final class SimulatedProvider implements SimulatedDeletions {

  static final String FINALIZER = "finalizer.managedresource.crossplane.io";
  static final String PAUSED = "crossplane.io/paused";

  /** Upjet's connection detail key for the sensitive Terraform attribute {@code value}. */
  static final String API_KEY_VALUE = "attribute.value";

  private final KubernetesClient client;
  private final ExecutorService workers = Executors.newFixedThreadPool(2);
  private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
  private final List<SharedIndexInformer<? extends ManagedObject>> informers = new ArrayList<>();
  private final Set<Deletion> deletions = ConcurrentHashMap.newKeySet();
  private final Set<String> deleting = ConcurrentHashMap.newKeySet();
  private final Set<String> held = ConcurrentHashMap.newKeySet();
  private volatile Duration deletionDelay = Duration.ZERO;
  private final boolean finalizes;

  SimulatedProvider(KubernetesClient client) {
    this(client, false);
  }

  /**
   * One that holds each MR with the provider's finalizer, as a deletion test needs. Only for tests
   * that keep it running until their namespaces are gone: an MR it holds outlives a stopped
   * provider, and keeps its namespace and CRD terminating.
   */
  static SimulatedProvider withFinalizers(KubernetesClient client) {
    return new SimulatedProvider(client, true);
  }

  private SimulatedProvider(KubernetesClient client, boolean finalizes) {
    this.client = client;
    this.finalizes = finalizes;
    for (ManagedKind kind : CrossplaneKinds.all()) {
      informers.add(ManagedObjectWatch.inform(client, kind.type(), this::observe, r -> {}));
    }
  }

  @Override
  public void deleteAfter(Duration delay) {
    deletionDelay = delay;
  }

  @Override
  public void hold(String namespace, String name) {
    held.add(namespace + "/" + name);
  }

  @Override
  public void release(String namespace, String name) {
    held.remove(namespace + "/" + name);
    informers.forEach(
        i -> {
          ManagedObject r = i.getStore().getByKey(namespace + "/" + name);
          if (r != null) {
            deleting.remove(r.getMetadata().getUid());
            observe(r);
          }
        });
  }

  @Override
  public Set<Deletion> deletions() {
    return Set.copyOf(deletions);
  }

  private void observe(ManagedObject mr) {
    if (paused(mr)) {
      return; // the provider does nothing with a paused MR, its deletion included
    }
    if (mr.getMetadata().getDeletionTimestamp() != null) {
      String key = mr.getMetadata().getNamespace() + "/" + mr.getMetadata().getName();
      if (!held.contains(key) && deleting.add(mr.getMetadata().getUid())) {
        later.schedule(
            () -> workers.execute(() -> finishDeletion(mr)),
            deletionDelay.toMillis(),
            TimeUnit.MILLISECONDS);
      }
    } else if (finalizes && !mr.getMetadata().getFinalizers().contains(FINALIZER)) {
      workers.execute(() -> addFinalizer(mr));
    } else {
      markReady(mr);
    }
  }

  private static boolean paused(ManagedObject mr) {
    var annotations = mr.getMetadata().getAnnotations();
    return annotations != null && "true".equals(annotations.get(PAUSED));
  }

  private void addFinalizer(ManagedObject mr) {
    try {
      client
          .resource(mr)
          .edit(
              o -> {
                if (!o.getMetadata().getFinalizers().contains(FINALIZER)) {
                  o.getMetadata().getFinalizers().add(FINALIZER);
                }
                return o;
              });
    } catch (KubernetesClientException e) {
      // gone or changed meanwhile: its own event comes next
    }
  }

  @SuppressWarnings("unchecked")
  private void finishDeletion(ManagedObject mr) {
    Map<String, Object> spec = (Map<String, Object>) mr.getAdditionalProperties().get("spec");
    Object policies = spec == null ? null : spec.get("managementPolicies");
    boolean deletesInAws =
        policies == null
            || ((List<String>) policies).contains("*")
            || ((List<String>) policies).contains("Delete");
    deletions.add(
        new Deletion(
            mr.getMetadata().getNamespace(),
            mr.getKind(),
            mr.getMetadata().getName(),
            deletesInAws));
    try {
      client
          .resource(mr)
          .edit(
              o -> {
                o.getMetadata().getFinalizers().remove(FINALIZER);
                return o;
              });
    } catch (KubernetesClientException e) {
      // gone, or changed meanwhile: the change's own event brings it back
      deleting.remove(mr.getMetadata().getUid());
    }
  }

  @SuppressWarnings("unchecked")
  private void markReady(ManagedObject mr) {
    if (CrossplaneBackend.INSTANCE.isReady(mr)) {
      return;
    }
    publishConnectionDetails(mr);
    workers.execute(
        () -> {
          Map<String, Object> status =
              new LinkedHashMap<>(
                  (Map<String, Object>)
                      CrossplaneBackend.INSTANCE
                          .withAssumedStatus(mr)
                          .getAdditionalProperties()
                          .get("status"));
          Map<String, Object> atProvider =
              new LinkedHashMap<>((Map<String, Object>) status.get("atProvider"));
          Map<String, Object> spec = (Map<String, Object>) mr.getAdditionalProperties().get("spec");
          ((Map<String, Object>) spec.get("forProvider")).forEach(atProvider::putIfAbsent);
          status.put("atProvider", atProvider);
          mr.setAdditionalProperty("status", status);
          try {
            client.resource(mr).updateStatus();
          } catch (KubernetesClientException e) {
            // a newer version exists: its own event comes next
          }
        });
  }

  /**
   * The provider writes an MR's sensitive attributes to the Secret its {@code
   * writeConnectionSecretToRef} names, in the MR's namespace, owned by the MR so that it goes with
   * it; here only an API key's value exists.
   */
  @SuppressWarnings("unchecked")
  private void publishConnectionDetails(ManagedObject mr) {
    Map<String, Object> spec = (Map<String, Object>) mr.getAdditionalProperties().get("spec");
    Object ref = spec == null ? null : spec.get("writeConnectionSecretToRef");
    if (!(ref instanceof Map<?, ?> to) || !mr.getKind().equals("APIKey")) {
      return;
    }
    Secret secret =
        new SecretBuilder()
            .withNewMetadata()
            .withName((String) to.get("name"))
            .withNamespace(mr.getMetadata().getNamespace())
            .addNewOwnerReference()
            .withApiVersion(mr.getApiVersion())
            .withKind(mr.getKind())
            .withName(mr.getMetadata().getName())
            .withUid(mr.getMetadata().getUid())
            .withController(true)
            .endOwnerReference()
            .endMetadata()
            .withType("connection.crossplane.io/v1alpha1")
            .addToStringData(API_KEY_VALUE, "key-" + mr.getMetadata().getUid())
            .build();
    workers.execute(
        () -> {
          try {
            client.resource(secret).serverSideApply();
          } catch (KubernetesClientException e) {
            // the namespace is going: nothing to publish
          }
        });
  }

  @Override
  public void close() throws InterruptedException {
    informers.forEach(SharedIndexInformer::close);
    later.shutdownNow();
    workers.shutdown();
    workers.awaitTermination(10, TimeUnit.SECONDS);
  }
}
