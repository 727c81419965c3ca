package io.fraudpipeline.operator.reconciler;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.cache.AccessDeniedException;
import io.fraudpipeline.operator.model.OutputNames;
import io.fraudpipeline.operator.model.Ownership;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps a pipeline's outputs ConfigMap ({@link io.fraudpipeline.operator.stack.ApplicationOutputs})
 * as the stack reports them: written when its data differs, owned by the pipeline so that it goes
 * with it; one of a former name is deleted. A ConfigMap of that name that is not the pipeline's is
 * never taken over.
 */
final class OutputsConfigMap {

  private static final String CONFIG_MAPS = "configmaps";

  private OutputsConfigMap() {}

  /** The watch of the operator's ConfigMaps, so an edit or deletion of one brings it back. */
  static InformerEventSource<ConfigMap, FraudPipeline> informer(
      EventSourceContext<FraudPipeline> context) {
    return new InformerEventSource<>(
        InformerEventSourceConfiguration.from(ConfigMap.class, FraudPipeline.class)
            .withName("outputs-configmaps")
            .withLabelSelector(Ownership.MANAGED_SELECTOR)
            .build(),
        context);
  }

  /**
   * Creates the ConfigMap with what is known, and updates it when it differs once the stack is
   * settled (every object Ready): while a stack is created its ARNs arrive one by one, and a write
   * for each would cost more than the status does.
   */
  static void keep(
      FraudPipeline pipeline,
      Map<String, String> outputs,
      boolean settled,
      Context<FraudPipeline> context) {
    String name = OutputNames.configMap(pipeline);
    List<ConfigMap> ours =
        context.getSecondaryResources(ConfigMap.class).stream()
            .filter(c -> pipeline.getMetadata().getName().equals(label(c)))
            .toList();
    for (ConfigMap former : ours) {
      if (!former.getMetadata().getName().equals(name)) {
        write(pipeline, "delete", () -> context.getClient().resource(former).delete());
      }
    }
    ConfigMap desired = desired(pipeline, name, outputs);
    var current = ours.stream().filter(c -> c.getMetadata().getName().equals(name)).findFirst();
    if (current.isEmpty()) {
      write(pipeline, "create", () -> create(desired, context));
      return;
    }
    if (settled && !Objects.equals(current.get().getData(), desired.getData())) {
      // a patch of the difference, which removes a key no longer wanted (an apply would keep one
      // that the create set, as the create's field manager owns it)
      write(
          pipeline,
          "patch",
          () ->
              context
                  .getClient()
                  .resource(current.get())
                  .edit(
                      c -> {
                        c.setData(desired.getData());
                        return c;
                      }));
    }
  }

  private static ConfigMap desired(FraudPipeline pipeline, String name, Map<String, String> data) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(pipeline.getMetadata().getNamespace())
        .withLabels(Ownership.labels(pipeline))
        .withOwnerReferences(Ownership.ownerReference(pipeline))
        .endMetadata()
        .withData(data)
        .build();
  }

  /** A create, not an apply: an apply would take over a ConfigMap of that name that is not ours. */
  private static void create(ConfigMap desired, Context<FraudPipeline> context) {
    try {
      context.getClient().resource(desired).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
      ConfigMap existing = context.getClient().resource(desired).get();
      if (existing != null && !Objects.equals(label(existing), label(desired))) {
        throw new NameTakenException(desired, existing);
      }
      // ours, created by an earlier pass and not in the cache yet: its event brings us back
    }
  }

  private static void write(FraudPipeline pipeline, String verb, Runnable write) {
    try {
      write.run();
    } catch (KubernetesClientException e) {
      if (ManagedResourceWriter.deniedByRbac(e)) {
        throw new AccessDeniedException(verb, CONFIG_MAPS, pipeline.getMetadata().getNamespace());
      }
      throw e;
    }
  }

  private static String label(ConfigMap configMap) {
    var labels = configMap.getMetadata().getLabels();
    return labels == null ? null : labels.get(Ownership.PIPELINE_LABEL);
  }
}
