package io.fraudpipeline.operator.cache;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.backend.Backends;
import io.fraudpipeline.operator.backend.StackBackend;
import io.fraudpipeline.operator.model.Ownership;
import io.fraudpipeline.operator.stack.ManagedKind;
import io.fraudpipeline.operator.stack.ManagedObject;
import io.javaoperatorsdk.operator.api.config.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.config.informer.InformerConfiguration;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.health.InformerHealthIndicator;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One informer per kind of every backend, caching only objects labelled as ours. A kind whose CRD
 * is not installed gets no informer (its discovery would fail); each reconcile looks again for the
 * missing CRDs and registers an informer as soon as one appears, so the operator recovers without a
 * restart. The CRDs of watched kinds are checked again once per {@code recheck} for the whole
 * operator (not per pipeline), so a provider uninstalled while running is reported too. Likewise a
 * kind the operator may not list and watch where it watches gets no informer (one that cannot list
 * would fail the operator's start) until an access review allows it.
 */
public final class ManagedResourceInformers {

  private static final Logger LOG = LoggerFactory.getLogger(ManagedResourceInformers.class);

  private final Set<ManagedKind> registered = ConcurrentHashMap.newKeySet();

  /** Watched kinds whose CRD was found deleted: checked on every pass until it is back. */
  private final Set<ManagedKind> gone = ConcurrentHashMap.newKeySet();

  /** Kinds with a CRD that the operator may not read where it watches: why, for each. */
  private final Map<ManagedKind, String> denied = new ConcurrentHashMap<>();

  private final Backends backends;
  private final Clock clock;
  private final Duration recheck;

  /** When each backend's watched CRDs are next checked. */
  private final Map<io.fraudpipeline.api.v1alpha1.Backend, Instant> nextFullCheck =
      new ConcurrentHashMap<>();

  public ManagedResourceInformers(Backends backends, Clock clock, Duration recheck) {
    this.backends = backends;
    this.clock = clock;
    backends.all().forEach(b -> nextFullCheck.put(b.id(), clock.instant().plus(recheck)));
    this.recheck = recheck;
  }

  /** Each registered kind's informer, whose health says whether its cache is complete. */
  private final Map<ManagedKind, InformerEventSource<?, FraudPipeline>> sources =
      new ConcurrentHashMap<>();

  /**
   * What keeps a backend's kinds unwatched: CRDs not installed, reads not allowed, watches not
   * synced yet (each one line naming its CRD).
   */
  public record Unwatched(
      List<ManagedKind> missingCrds, List<String> denied, List<String> notSynced) {}

  /** Informers for the kinds whose CRD exists now and that the operator may read. */
  public List<EventSource<?, FraudPipeline>> initial(EventSourceContext<FraudPipeline> context) {
    List<EventSource<?, FraudPipeline>> sources = new ArrayList<>();
    for (ManagedKind kind : backends.allKinds()) {
      if (crdExists(context.getClient(), kind)
          && readable(context.getClient(), kind, context.getControllerConfiguration())) {
        sources.add(informer(kind, context));
        registered.add(kind);
      }
    }
    return sources;
  }

  /** Why kinds are not watched for lack of permission, one line each (for the readiness probe). */
  public List<String> accessProblems() {
    return denied.values().stream().sorted().toList();
  }

  private boolean readable(
      KubernetesClient client, ManagedKind kind, ControllerConfiguration<FraudPipeline> config) {
    Set<String> namespaces = config.getEffectiveNamespaces();
    var problem =
        AccessReview.readDenied(
            client, kind, namespaces, InformerConfiguration.allNamespacesWatched(namespaces));
    if (problem.isPresent()) {
      if (denied.put(kind, problem.get()) == null) {
        LOG.warn("{} are not watched: {}", kind.kind(), problem.get());
      }
      return false;
    }
    if (denied.remove(kind) != null) {
      LOG.info("the operator may now read {}", kind.crdName());
    }
    return true;
  }

  /**
   * Registers informers for the backend's CRDs installed (or reads allowed) since; returns what
   * still keeps its kinds unwatched. Only the backend a pipeline uses is checked: a cluster with
   * Crossplane alone runs Crossplane pipelines without ACK's CRDs, and the other way round.
   */
  public synchronized Unwatched refresh(Context<FraudPipeline> context, StackBackend backend) {
    Instant due = nextFullCheck.computeIfAbsent(backend.id(), b -> clock.instant().plus(recheck));
    boolean fullCheck = !clock.instant().isBefore(due);
    if (fullCheck) {
      nextFullCheck.put(backend.id(), clock.instant().plus(recheck));
    }
    List<ManagedKind> missing = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    for (ManagedKind kind : backend.kinds()) {
      boolean watched = registered.contains(kind) && !gone.contains(kind);
      if (watched && !fullCheck) {
        continue;
      }
      if (!crdExists(context.getClient(), kind)) {
        missing.add(kind);
        if (registered.contains(kind) && gone.add(kind)) {
          LOG.warn(
              "CRD {} was deleted: {} managed resources are not watched",
              kind.crdName(),
              kind.kind());
        }
      } else if (gone.remove(kind)) {
        // the informer kept retrying its watch and resumes on its own
        LOG.info("CRD {} is back, watching {} again", kind.crdName(), kind.kind());
      } else if (!registered.contains(kind)
          && !readable(context.getClient(), kind, context.getControllerConfiguration())) {
        unreadable.add(denied.get(kind));
      } else if (!registered.contains(kind)) {
        var retriever = context.eventSourceRetriever();
        retriever.dynamicallyRegisterEventSource(
            informer(kind, retriever.eventSourceContextForDynamicRegistration()));
        registered.add(kind);
        LOG.info("watching {}", kind.kind());
      }
    }
    return new Unwatched(missing, unreadable, notSynced(backend.kinds()));
  }

  /**
   * The registered watches of these kinds that never synced, one line each: a start that failed is
   * retried with backoff, and until its first list the cache lacks that kind's objects. A watch
   * that synced once and is reconnecting keeps its cache, as every watch does between events.
   */
  public List<String> notSynced(List<ManagedKind> kinds) {
    List<String> out = new ArrayList<>();
    for (ManagedKind kind : kinds) {
      var source = sources.get(kind);
      if (source != null
          && !gone.contains(kind)
          && !source.informerHealthIndicators().values().stream()
              .allMatch(InformerHealthIndicator::hasSynced)) {
        out.add(kind.crdName() + ": watch not synced yet, retrying");
      }
    }
    return out;
  }

  /** Every registered watch not synced yet, for the readiness probe. */
  public List<String> notSynced() {
    return notSynced(backends.allKinds());
  }

  /** Whether objects of this kind are in the informers' cache (its CRD was found). */
  public boolean watches(ManagedKind kind) {
    return registered.contains(kind);
  }

  private static boolean crdExists(KubernetesClient client, ManagedKind kind) {
    return client.apiextensions().v1().customResourceDefinitions().withName(kind.crdName()).get()
        != null;
  }

  private <R extends ManagedObject> InformerEventSource<R, FraudPipeline> informer(
      ManagedKind kind, EventSourceContext<FraudPipeline> context) {
    @SuppressWarnings("unchecked")
    Class<R> type = (Class<R>) kind.type();
    var config =
        InformerEventSourceConfiguration.from(type, FraudPipeline.class)
            .withName(kind.crdName())
            .withLabelSelector(Ownership.MANAGED_SELECTOR)
            .withItemStore(
                new PrunedItemStore<R>(
                    backends.emitting(kind.apiVersion(), kind.kind()).orElseThrow()))
            // an MR the provider has not observed yet is one this operator just created: its
            // ADDED event brings nothing to act on (the provider's status update will), and
            // skipping it saves a pass per created MR
            .withOnAddFilter(mr -> mr.getAdditionalProperties().get("status") != null)
            .build();
    InformerEventSource<R, FraudPipeline> source = new InformerEventSource<>(config, context);
    sources.put(kind, source);
    return source;
  }
}
