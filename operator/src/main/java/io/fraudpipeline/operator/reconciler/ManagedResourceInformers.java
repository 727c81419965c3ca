package io.fraudpipeline.operator.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.crossplane.CrossplaneKinds;
import io.fraudpipeline.operator.crossplane.ManagedKind;
import io.fraudpipeline.operator.crossplane.kinds.ManagedResource;
import io.fraudpipeline.operator.model.Ownership;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One informer per Crossplane kind, caching only MRs labelled as ours. A kind whose CRD is not
 * installed gets no informer (its discovery would fail); each reconcile looks again for the missing
 * CRDs and registers an informer as soon as one appears, so the operator recovers without a
 * restart.
 */
final class ManagedResourceInformers {

  private static final Logger LOG = LoggerFactory.getLogger(ManagedResourceInformers.class);

  private final Set<ManagedKind> registered = ConcurrentHashMap.newKeySet();

  /** Informers for the kinds whose CRD exists now. */
  List<EventSource<?, FraudPipeline>> initial(EventSourceContext<FraudPipeline> context) {
    List<EventSource<?, FraudPipeline>> sources = new ArrayList<>();
    for (ManagedKind kind : CrossplaneKinds.all()) {
      if (crdExists(context.getClient(), kind)) {
        sources.add(informer(kind, context));
        registered.add(kind);
      }
    }
    return sources;
  }

  /** Registers informers for CRDs installed since; returns the kinds whose CRD is still missing. */
  synchronized List<ManagedKind> refresh(Context<FraudPipeline> context) {
    List<ManagedKind> missing = new ArrayList<>();
    for (ManagedKind kind : CrossplaneKinds.all()) {
      if (registered.contains(kind)) {
        continue;
      }
      if (crdExists(context.getClient(), kind)) {
        var retriever = context.eventSourceRetriever();
        retriever.dynamicallyRegisterEventSource(
            informer(kind, retriever.eventSourceContextForDynamicRegistration()));
        registered.add(kind);
        LOG.info("CRD {} appeared, watching {}", kind.crdName(), kind.kind());
      } else {
        missing.add(kind);
      }
    }
    return missing;
  }

  private static boolean crdExists(KubernetesClient client, ManagedKind kind) {
    return client.apiextensions().v1().customResourceDefinitions().withName(kind.crdName()).get()
        != null;
  }

  private static <R extends ManagedResource> InformerEventSource<R, FraudPipeline> informer(
      ManagedKind kind, EventSourceContext<FraudPipeline> context) {
    @SuppressWarnings("unchecked")
    Class<R> type = (Class<R>) kind.type();
    var config =
        InformerEventSourceConfiguration.from(type, FraudPipeline.class)
            .withName(kind.crdName())
            .withLabelSelector(Ownership.MANAGED_SELECTOR)
            .build();
    return new InformerEventSource<>(config, context);
  }
}
