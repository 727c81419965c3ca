package io.fraudpipeline.benchmarks.scale.kro;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.cli.PipelineReader;
import io.fraudpipeline.testing.cluster.ControlPlane;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The peer of the scale benchmark: kro's controller, built from the pinned release, running the
 * fixture ResourceGraphDefinition ({@code benchmarks/scale/kro/fraud-pipeline-rgd.yaml}) over the
 * same Crossplane MRs the operator creates for {@code examples/fraudpipeline.yaml}.
 */
public final class KroPeer implements AutoCloseable {

  private final KroController controller;
  private final Rgd rgd;
  private final FraudPipeline example;
  private final KroStartup startup;

  private KroPeer(KroController controller, Rgd rgd, FraudPipeline example, KroStartup startup) {
    this.controller = controller;
    this.rgd = rgd;
    this.example = example;
    this.startup = startup;
  }

  /**
   * Builds kro's controller once (cached under ~/.cache/fraud-pipeline/kro/<version>/), installs
   * kro's CRDs and the fixture RGD on the server, starts the controller as a process with the given
   * kubeconfig, and returns when the RGD is Active and its instance CRD is served.
   */
  public static KroPeer start(ControlPlane cluster, Path kubeconfig, Path logDir) throws Exception {
    long started = System.nanoTime();
    KroBuild build = KroBuild.ensure();
    Files.createDirectories(logDir);
    Rgd rgd = Rgd.load(KroFiles.rgd());
    FraudPipeline example = PipelineReader.readPipeline(Files.readString(KroFiles.example()));
    // kro checks every template against the CRD of its kind when it accepts the RGD
    ProviderCrds.installMissing(cluster);
    cluster.applyCrds(ControlPlane.yamlFiles(build.crds()));
    KroController controller =
        KroController.start(build.controller(), kubeconfig, logDir.resolve("kro.log"));
    try {
      long launched = System.nanoTime();
      KubernetesClient client = cluster.client();
      client.resource(rgd.resource()).forceConflicts().serverSideApply();
      RgdStatus.awaitActive(client, rgd, controller);
      RgdStatus.awaitServed(client, rgd);
      KroStartup startup = new KroStartup(build, millisSince(started), millisSince(launched));
      return new KroPeer(controller, rgd, example, startup);
    } catch (Exception | Error e) {
      controller.close();
      throw e;
    }
  }

  /**
   * The instance object for one pipeline (same stack as examples/fraudpipeline.yaml), its
   * environment suffix its name, so that each pipeline's AWS names are its own.
   */
  public GenericKubernetesResource instance(String namespace, String name) {
    return KroInstance.named(rgd, example, namespace, name);
  }

  /** True when the instance reports its stack ready, with the API endpoint in its status. */
  public boolean isReady(GenericKubernetesResource instance) {
    return InstanceStatus.isReady(instance);
  }

  /**
   * True when every resource of the instance is ready (kro's state ACTIVE) with the endpoint in its
   * status, whatever kro's Ready condition says: that condition waits for a pass in which no object
   * changed under kro's apply, which a provider writing statuses can delay without end (see
   * docs/kro.md).
   */
  public boolean allResourcesReady(GenericKubernetesResource instance) {
    return InstanceStatus.allResourcesReady(instance);
  }

  public long pid() {
    return controller.pid();
  }

  /** What of the stack the RGD covers (kinds and count), one line for the report. */
  public String coverage() {
    return Coverage.of(rgd, example).line();
  }

  /** How long the build check and the start took, for the report. */
  public KroStartup startup() {
    return startup;
  }

  @Override
  public void close() {
    controller.close();
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000L;
  }
}
