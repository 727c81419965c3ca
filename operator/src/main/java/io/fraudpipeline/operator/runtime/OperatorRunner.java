package io.fraudpipeline.operator.runtime;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.metrics.OperatorMetrics;
import io.fraudpipeline.operator.model.Ownership;
import io.fraudpipeline.operator.reconciler.FraudPipelineReconciler;
import io.fraudpipeline.operator.reconciler.PipelineUpdates;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the reconciler into a JOSDK operator configured from {@link OperatorSettings}. */
public final class OperatorRunner {

  /** The Lease the replicas compete for, in {@code POD_NAMESPACE}. */
  public static final String LEASE = "fraud-pipeline-operator-lock";

  private static final Logger LOG = LoggerFactory.getLogger(OperatorRunner.class);

  private OperatorRunner() {}

  /**
   * An operator ready to start.
   *
   * @param onLostLeadership called once when this replica loses the lease it held; it must stop
   *     this replica from writing (in production: exit, and the pod restarts as a follower)
   * @param tuning lets tests shorten the controller's intervals
   */
  /**
   * The client configuration with the operator's user agent. The API server names the field manager
   * of a create or update after it, so the entry a create leaves is the operator's own and never
   * merged with another client's (fabric8's default agent is shared by every fabric8 client;
   * converting a merged entry to the operator's apply would make its next apply remove the other
   * client's fields, such as an ACK controller's finalizer).
   */
  public static Config withUserAgent(Config config) {
    return new ConfigBuilder(config).withUserAgent(USER_AGENT).build();
  }

  static final String USER_AGENT = Ownership.FIELD_MANAGER + "/" + version();

  private static String version() {
    String version = OperatorRunner.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  /**
   * How long start-up waits for each watch to sync before going on without it (it keeps syncing;
   * the pipelines that need it wait). JOSDK's default of two minutes would hold every pipeline up
   * for one failing kind.
   */
  static final Duration CACHE_SYNC_TIMEOUT = Duration.ofSeconds(15);

  public static Operator create(
      KubernetesClient client,
      OperatorSettings settings,
      FraudPipelineReconciler reconciler,
      Runnable onLostLeadership,
      Consumer<ControllerConfigurationOverrider<FraudPipeline>> tuning) {
    Operator operator =
        new Operator(
            o -> {
              o.withKubernetesClient(client)
                  .withCloseClientOnStop(false)
                  // a watch that fails to start (a CRD installed a moment ago, a cut connection) is
                  // retried with backoff, and the pipelines of its kinds wait for it, rather than
                  // the
                  // whole operator exiting: see ManagedResourceInformers#notSynced
                  .withStopOnInformerErrorDuringStartup(false)
                  .withCacheSyncTimeout(CACHE_SYNC_TIMEOUT)
                  .withConcurrentReconciliationThreads(settings.reconcileConcurrency())
                  .withReconciliationTerminationTimeout(settings.shutdownTimeout())
                  .withMetrics(reconciler.metrics().josdk());
              if (settings.leaderElection()) {
                o.withLeaderElectionConfiguration(leaderElection(settings, onLostLeadership));
              }
            });
    operator.register(
        reconciler,
        c -> {
          c.withFieldManager(Ownership.FIELD_MANAGER)
              .withFinalizer(FraudPipeline.FINALIZER)
              .withReconciliationMaxInterval(settings.resyncPeriod())
              .withGenerationAware(false)
              .withOnUpdateFilter(PipelineUpdates::startPass);
          if (settings.watchNamespaces().isEmpty()) {
            c.watchingAllNamespaces();
          } else {
            c.settingNamespaces(settings.watchNamespaces());
          }
          tuning.accept(c);
        });
    return operator;
  }

  /**
   * JOSDK's own reaction to a lost lease is {@code System.exit} from the elector, which also fires
   * when the operator stops and would then block a shutdown hook forever; the caller decides
   * instead.
   */
  private static LeaderElectionConfiguration leaderElection(
      OperatorSettings settings, Runnable onLostLeadership) {
    return LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(LEASE)
        .withLeaseNamespace(settings.podNamespace())
        .withIdentity(settings.identity())
        .withLeaseDuration(settings.leaseDuration())
        .withRenewDeadline(settings.renewDeadline())
        .withRetryPeriod(settings.retryPeriod())
        .withExitOnStopLeading(false)
        .withLeaderCallbacks(
            new LeaderCallbacks(
                () -> LOG.info("{} leads: reconciling", settings.identity()),
                onLostLeadership,
                leader -> LOG.info("leader is {}", leader)))
        .build();
  }

  public static FraudPipelineReconciler reconciler(
      OperatorSettings settings, OperatorMetrics metrics) {
    return new FraudPipelineReconciler(
        InstalledBackends.all(),
        Clock.systemUTC(),
        FraudPipelineReconciler.CRD_RECHECK,
        settings.deletionStuckAfter(),
        metrics);
  }
}
