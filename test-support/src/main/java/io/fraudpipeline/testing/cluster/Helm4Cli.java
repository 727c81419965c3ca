package io.fraudpipeline.testing.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Helm 4 CLI, built once into the cache by {@code test-support/helm4/build.sh}, run against a
 * test control plane as a user runs it: Helm 4 applies a chart's objects server-side (field manager
 * {@code helm}), which the Helm 3 engine of helm-java does not.
 */
public final class Helm4Cli {

  private static Path binary;

  private final ControlPlane cluster;
  private final Path home;

  /**
   * A CLI whose configuration, cache and data (release history lives in the cluster) stay in this
   * folder, away from the user's.
   */
  public Helm4Cli(ControlPlane cluster, Path home) {
    this.cluster = cluster;
    this.home = home;
  }

  /** What a run printed (stdout and stderr) and how it exited. */
  public record Result(int exitCode, String output) {}

  /** Runs {@code helm <args> --kubeconfig <the administrator's>} in the repository root. */
  public Result run(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(binary().toString());
    command.addAll(args);
    command.add("--kubeconfig=" + cluster.kubeconfig());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(ControlPlaneBinaries.repositoryRoot().toFile())
            .redirectErrorStream(true);
    builder.environment().put("HELM_CONFIG_HOME", home.resolve("config").toString());
    builder.environment().put("HELM_CACHE_HOME", home.resolve("cache").toString());
    builder.environment().put("HELM_DATA_HOME", home.resolve("data").toString());
    Process p = builder.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.waitFor(), out);
  }

  /** {@code helm version --short}: the version this build of the CLI reports. */
  public String version() throws IOException, InterruptedException {
    Result r = run(List.of("version", "--short"));
    if (r.exitCode() != 0) {
      throw new IllegalStateException("helm version failed: " + r.output());
    }
    return r.output().trim();
  }

  private static synchronized Path binary() throws IOException, InterruptedException {
    if (binary == null) {
      binary = CachedTool.build("test-support/helm4/build.sh");
    }
    return binary;
  }
}
