package io.fraudpipeline.operator.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;

/**
 * What docs/deploy.md has a user do when the operator is gone: remove the pipelines' finalizers, so
 * they and, through the garbage collector, their objects go (the same merge patch as its {@code
 * kubectl patch}).
 */
final class PipelineFinalizers {

  static final String REMOVE = "{\"metadata\":{\"finalizers\":null}}";

  private PipelineFinalizers() {}

  static void removeAll(KubernetesClient client, String namespace) {
    for (FraudPipeline p :
        client.resources(FraudPipeline.class).inNamespace(namespace).list().getItems()) {
      client
          .resources(FraudPipeline.class)
          .inNamespace(namespace)
          .withName(p.getMetadata().getName())
          .patch(
              io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                  io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
              REMOVE);
    }
  }
}
