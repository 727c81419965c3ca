package io.fraudpipeline.operator.reconciler;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fraudpipeline.operator.ack.AckBackend;
import io.fraudpipeline.operator.ack.AckKinds;
import io.fraudpipeline.operator.stack.ManagedKind;
import io.fraudpipeline.operator.stack.ManagedObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the eight ACK controllers as a separate client of the server, the way the ACK runtime
 * behaves (shared/ack README, section 4): a finalizer {@code finalizers.<service>.services.k8s.aws/
 * <Kind>} on each object; a reconcile only when the generation changed
 * (GenerationChangedPredicate); references resolved only once their target is synced; late
 * initialization of the AWS defaults into a queue's spec; statuses with {@code
 * ackResourceMetadata}, the ids and ARNs and {@code ACK.ResourceSynced} (from {@link
 * AckAssumedStatuses}); on deletion, the AWS object deleted only when the deletion policy is
 * exactly {@code delete}, and never for a read-only object. A test can make an object fail with the
 * conditions ACK would set ({@link #fail}).
 */
final class SimulatedAckController implements SimulatedDeletions {

  private static final Logger LOG = LoggerFactory.getLogger(SimulatedAckController.class);

  static final String SYNCED = "ACK.ResourceSynced";
  static final String REFERENCES_RESOLVED = "ACK.ReferencesResolved";
  static final String DELETION_POLICY = "services.k8s.aws/deletion-policy";
  static final String READ_ONLY = "services.k8s.aws/read-only";

  /** What SQS reports for attributes a CreateQueue left out; the controller copies them to spec. */
  static final Map<String, Object> QUEUE_DEFAULTS =
      Map.of(
          "delaySeconds", "0",
          "maximumMessageSize", "262144",
          "receiveMessageWaitTimeSeconds", "0",
          "visibilityTimeout", "30");

  private final KubernetesClient client;
  private final ExecutorService workers = Executors.newFixedThreadPool(2);
  private final ScheduledExecutorService requeue = Executors.newSingleThreadScheduledExecutor();
  private final List<SharedIndexInformer<? extends ManagedObject>> informers = new ArrayList<>();

  /** uid to the generation last reconciled to a written status. */
  private final Map<String, Long> reconciled = new ConcurrentHashMap<>();

  /** namespace/name to the conditions a test made the object fail with. */
  private final Map<String, List<Map<String, Object>>> failures = new ConcurrentHashMap<>();

  /** namespace/name to the message of an AWS error that keeps the object from being deleted. */
  private final Map<String, String> deletionFailures = new ConcurrentHashMap<>();

  private final Set<Deletion> deletions = ConcurrentHashMap.newKeySet();
  private final Set<String> held = ConcurrentHashMap.newKeySet();
  private volatile Duration deletionDelay = Duration.ZERO;

  SimulatedAckController(KubernetesClient client) {
    this.client = client;
    for (ManagedKind kind : AckKinds.all()) {
      informers.add(
          ManagedObjectWatch.inform(
              client,
              kind.type(),
              r -> enqueue(r, false),
              r -> reconciled.remove(r.getMetadata().getUid())));
    }
    // what is not synced is looked at again, as the runtime requeues while references wait
    requeue.scheduleWithFixedDelay(this::requeueUnsynced, 1, 1, TimeUnit.SECONDS);
  }

  private void requeueUnsynced() {
    for (SharedIndexInformer<? extends ManagedObject> informer : informers) {
      informer.getStore().list().forEach(r -> enqueue(r, false));
    }
  }

  /** From now on the object reports these conditions (as after an AWS error) until recovered. */
  @SafeVarargs
  final void fail(String namespace, String name, Map<String, Object>... conditions) {
    failures.put(namespace + "/" + name, List.of(conditions));
    find(namespace, name).ifPresent(r -> enqueue(r, true));
  }

  /** The error is gone (the spec was fixed, or AWS recovered): the next reconcile syncs. */
  void recover(String namespace, String name) {
    failures.remove(namespace + "/" + name);
    find(namespace, name).ifPresent(r -> reconciled.remove(r.getMetadata().getUid()));
    find(namespace, name).ifPresent(r -> enqueue(r, true));
  }

  /**
   * From now on the controller fails to delete this object in AWS as ACK does on an error it will
   * not retry: it keeps its finalizer and sets {@code ACK.Terminal} with this message.
   */
  void failDeletion(String namespace, String name, String message) {
    deletionFailures.put(namespace + "/" + name, message);
    find(namespace, name).ifPresent(r -> enqueue(r, true));
  }

  /** The deletion error is gone: the next look deletes the object. */
  void recoverDeletion(String namespace, String name) {
    deletionFailures.remove(namespace + "/" + name);
    find(namespace, name).ifPresent(r -> enqueue(r, true));
  }

  /** The requeue looks again every second until the delay has passed. */
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
  }

  @Override
  public Set<Deletion> deletions() {
    return Set.copyOf(deletions);
  }

  static Map<String, Object> condition(String type, String status, String message) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("type", type);
    c.put("status", status);
    c.put("message", message);
    c.put("lastTransitionTime", "2026-01-01T00:00:00Z");
    return c;
  }

  private void enqueue(ManagedObject r, boolean force) {
    boolean generationSeen =
        Objects.equals(reconciled.get(r.getMetadata().getUid()), r.getMetadata().getGeneration());
    boolean due = force || !generationSeen || r.getMetadata().getDeletionTimestamp() != null;
    if (due && !workers.isShutdown()) {
      workers.execute(() -> reconcile(r));
    }
  }

  private void reconcile(ManagedObject cached) {
    // the informer's object is shared: work on a copy
    ManagedObject r = client.getKubernetesSerialization().clone(cached);
    try {
      if (r.getMetadata().getDeletionTimestamp() != null) {
        finalizeDeletion(r);
      } else if (!r.getMetadata().getFinalizers().contains(finalizer(r)) || lateInitializes(r)) {
        // metadata and late-initialized spec first: the update brings the object back
        client.resource(r).edit(this::prepared);
      } else {
        writeStatus(r);
      }
    } catch (KubernetesClientException e) {
      // a newer version exists, or the object is gone: its own event comes next
    } catch (RuntimeException e) {
      LOG.error("simulated ACK controller failed on {}", key(r), e);
    }
  }

  @SuppressWarnings("unchecked")
  private ManagedObject prepared(ManagedObject r) {
    if (!r.getMetadata().getFinalizers().contains(finalizer(r))) {
      r.getMetadata().getFinalizers().add(finalizer(r));
    }
    if (lateInitializes(r)) {
      Map<String, Object> spec = (Map<String, Object>) r.getAdditionalProperties().get("spec");
      QUEUE_DEFAULTS.forEach(spec::putIfAbsent);
    }
    return r;
  }

  @SuppressWarnings("unchecked")
  private static boolean lateInitializes(ManagedObject r) {
    Map<String, Object> spec = (Map<String, Object>) r.getAdditionalProperties().get("spec");
    return r.getKind().equals("Queue") && !spec.keySet().containsAll(QUEUE_DEFAULTS.keySet());
  }

  @SuppressWarnings("unchecked")
  private void writeStatus(ManagedObject r) {
    List<Map<String, Object>> conditions = conditions(r);
    boolean synced =
        conditions.stream()
            .anyMatch(c -> SYNCED.equals(c.get("type")) && "True".equals(c.get("status")));
    // synced: what AWS reports now; else what was last reported stays, with the new conditions
    Object source =
        synced
            ? AckBackend.INSTANCE.withAssumedStatus(r).getAdditionalProperties().get("status")
            : r.getAdditionalProperties().get("status");
    Map<String, Object> status =
        source == null ? new LinkedHashMap<>() : new LinkedHashMap<>((Map<String, Object>) source);
    status.put("conditions", conditions);
    if (!status.equals(r.getAdditionalProperties().get("status"))) {
      r.setAdditionalProperty("status", status);
      client.resource(r).updateStatus();
    }
    if (!synced) {
      // not settled: looked at again until it is (a refused status write is retried too)
      reconciled.remove(r.getMetadata().getUid());
    } else {
      reconciled.put(r.getMetadata().getUid(), r.getMetadata().getGeneration());
      // what referred to this object is requeued, as the runtime does while references wait
      referrers(r).forEach(o -> enqueue(o, true));
    }
  }

  private List<Map<String, Object>> conditions(ManagedObject r) {
    List<Map<String, Object>> failed = failures.get(key(r));
    if (failed != null) {
      return failed;
    }
    List<String> unresolved = references(r).stream().filter(n -> !synced(r, n)).toList();
    if (!unresolved.isEmpty()) {
      String message = "the referenced resource is not synced yet: " + unresolved;
      return List.of(
          condition(REFERENCES_RESOLVED, "False", message), condition(SYNCED, "Unknown", message));
    }
    List<Map<String, Object>> ok = new ArrayList<>();
    if (!references(r).isEmpty()) {
      ok.add(condition(REFERENCES_RESOLVED, "True", ""));
    }
    ok.add(condition(SYNCED, "True", "Resource synced successfully"));
    ok.add(condition("Ready", "True", ""));
    return ok;
  }

  private void finalizeDeletion(ManagedObject r) {
    if (!r.getMetadata().getFinalizers().contains(finalizer(r)) || held.contains(key(r))) {
      return;
    }
    String failure = deletionFailures.get(key(r));
    if (failure != null) {
      reportTerminal(r, failure);
      return;
    }
    Instant since = Instant.parse(r.getMetadata().getDeletionTimestamp());
    if (Instant.now().isBefore(since.plus(deletionDelay))) {
      return; // AWS is still deleting it: the requeue comes back
    }
    String policy =
        Optional.ofNullable(r.getMetadata().getAnnotations())
            .map(a -> a.get(DELETION_POLICY))
            .orElse("delete");
    // a read-only object is never deleted in AWS: its finalizer just goes
    deletions.add(
        new Deletion(
            r.getMetadata().getNamespace(),
            r.getKind(),
            r.getMetadata().getName(),
            policy.equals("delete") && !readOnly(r)));
    client
        .resource(r)
        .edit(
            o -> {
              o.getMetadata().getFinalizers().remove(finalizer(o));
              return o;
            });
  }

  private static boolean readOnly(ManagedObject r) {
    var annotations = r.getMetadata().getAnnotations();
    return annotations != null && "true".equals(annotations.get(READ_ONLY));
  }

  /** The object's status says the delete failed for good, once: ACK's Terminal condition. */
  @SuppressWarnings("unchecked")
  private void reportTerminal(ManagedObject r, String message) {
    List<Map<String, Object>> conditions =
        List.of(
            condition("ACK.Terminal", "True", message),
            condition(SYNCED, "False", "resource is in terminal condition"));
    Object current = r.getAdditionalProperties().get("status");
    Map<String, Object> status =
        current == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>((Map<String, Object>) current);
    if (!conditions.equals(status.get("conditions"))) {
      status.put("conditions", conditions);
      r.setAdditionalProperty("status", status);
      client.resource(r).updateStatus();
    }
  }

  /** Names of the objects this one's {@code *Ref} fields point at, at any depth of its spec. */
  private static List<String> references(ManagedObject r) {
    List<String> names = new ArrayList<>();
    collectReferences(r.getAdditionalProperties().get("spec"), names);
    return names;
  }

  @SuppressWarnings("unchecked")
  private static void collectReferences(Object value, List<String> names) {
    if (value instanceof Map<?, ?> map) {
      map.forEach(
          (k, v) -> {
            if (String.valueOf(k).endsWith("Ref")
                && v instanceof Map<?, ?> ref
                && ref.get("from") instanceof Map<?, ?> from) {
              names.add(String.valueOf(from.get("name")));
            } else {
              collectReferences(v, names);
            }
          });
    } else if (value instanceof List<?> list) {
      list.forEach(v -> collectReferences(v, names));
    }
  }

  private boolean synced(ManagedObject referrer, String name) {
    return find(referrer.getMetadata().getNamespace(), name)
        .map(
            t ->
                conditionsOf(t).stream()
                    .anyMatch(c -> SYNCED.equals(c.get("type")) && "True".equals(c.get("status"))))
        .orElse(false);
  }

  private List<ManagedObject> referrers(ManagedObject target) {
    List<ManagedObject> out = new ArrayList<>();
    for (SharedIndexInformer<? extends ManagedObject> informer : informers) {
      for (ManagedObject o : informer.getStore().list()) {
        if (o.getMetadata().getNamespace().equals(target.getMetadata().getNamespace())
            && references(o).contains(target.getMetadata().getName())
            && !failures.containsKey(key(o))) {
          out.add(o);
        }
      }
    }
    return out;
  }

  private Optional<ManagedObject> find(String namespace, String name) {
    for (SharedIndexInformer<? extends ManagedObject> informer : informers) {
      ManagedObject r = informer.getStore().getByKey(namespace + "/" + name);
      if (r != null) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  private static String key(GenericKubernetesResource r) {
    return r.getMetadata().getNamespace() + "/" + r.getMetadata().getName();
  }

  /** {@code finalizers.<service>.services.k8s.aws/<Kind>}, as each controller names its own. */
  private static String finalizer(GenericKubernetesResource r) {
    String group = r.getApiVersion().substring(0, r.getApiVersion().indexOf('/'));
    return "finalizers." + group + "/" + r.getKind();
  }

  @Override
  public void close() throws InterruptedException {
    requeue.shutdownNow();
    informers.forEach(SharedIndexInformer::close);
    workers.shutdown();
    workers.awaitTermination(10, TimeUnit.SECONDS);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> conditionsOf(GenericKubernetesResource r) {
    if (r.getAdditionalProperties().get("status") instanceof Map<?, ?> status
        && status.get("conditions") instanceof List<?> list) {
      return (List<Map<String, Object>>) list;
    }
    return List.of();
  }
}
