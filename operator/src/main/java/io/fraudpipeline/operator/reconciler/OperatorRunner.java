package io.fraudpipeline.operator.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.model.Ownership;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import java.time.Clock;
import java.util.function.Consumer;

/** Wires the reconciler into a JOSDK operator configured from {@link OperatorSettings}. */
public final class OperatorRunner {

  private OperatorRunner() {}

  /** An operator ready to start; {@code tuning} lets tests shorten intervals. */
  public static Operator create(
      KubernetesClient client,
      OperatorSettings settings,
      FraudPipelineReconciler reconciler,
      Consumer<
              io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider<
                  FraudPipeline>>
          tuning) {
    Operator operator =
        new Operator(
            o -> {
              o.withKubernetesClient(client)
                  .withUseSSAToPatchPrimaryResource(settings.serverSideApply())
                  .withSSABasedCreateUpdateMatchForDependentResources(settings.serverSideApply())
                  .withCloseClientOnStop(false)
                  .withConcurrentReconciliationThreads(settings.reconcileConcurrency());
              if (settings.leaderElection()) {
                o.withLeaderElectionConfiguration(
                    LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(
                            "fraud-pipeline-operator-lock")
                        .withLeaseNamespace(settings.podNamespace())
                        .build());
              }
            });
    operator.register(
        reconciler,
        c -> {
          c.withFieldManager(Ownership.FIELD_MANAGER)
              .withReconciliationMaxInterval(settings.resyncPeriod());
          if (settings.watchNamespaces().isEmpty()) {
            c.watchingAllNamespaces();
          } else {
            c.settingNamespaces(settings.watchNamespaces());
          }
          tuning.accept(c);
        });
    return operator;
  }

  public static FraudPipelineReconciler reconciler(OperatorSettings settings) {
    return new FraudPipelineReconciler(
        settings.serverSideApply(), Clock.systemUTC(), FraudPipelineReconciler.CRD_RECHECK);
  }
}
