package io.fraudpipeline.benchmarks.scale;

import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The scale benchmark of record (a command, not a test): for each size and each system (ours, the
 * floor, kro) a fresh real control plane with the provider CRDs and the simulated provider as a
 * process of its own; prints one table per size with the ratios of ours to the floor and the
 * targets. See docs/benchmarks/scale.md.
 */
public final class ScaleBenchmark {

  private ScaleBenchmark() {}

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.out.println("# scale benchmark: " + Machine.describe());
    System.out.printf(
        "operator: chart defaults (SSA, leader election, RECONCILE_CONCURRENCY=5, JVM of the"
            + " 1 CPU/1 GiB limits: %s), RESYNC_PERIOD=%ds for the benchmark; %d pipelines per namespace; every process"
            + " (operator, provider, floor client, kro) its own user; kro cut off after %d min%n%n",
        String.join(" ", OperatorProcess.chartJvmOptions()),
        options.resync().toSeconds(),
        options.perNamespace(),
        options.kroCutOff().toMinutes());
    List<String> tables = new ArrayList<>();
    for (int size : options.sizes()) {
      List<FraudPipeline> pipelines = Pipelines.of(size, options.perNamespace());
      List<SystemResult> results = new ArrayList<>();
      for (String system : options.systems()) {
        Path dir = options.workDir().resolve(size + "-" + system);
        System.err.printf(
            "scale: %s at %d pipelines (load %s)%n", system, size, Machine.loadAverage());
        SystemResult result = runOne(system, pipelines, options, dir);
        results.add(result);
        // the row at once: a run stopped later still leaves what it measured
        System.err.printf(
            "scale: %s at %d done: %s%n",
            system, size, result.ran() ? ResultTable.row(result) : result.note());
      }
      String table =
          ResultTable.render(size, results)
              + "- load average after: "
              + Machine.loadAverage()
              + "\n";
      System.out.println(table);
      tables.add(table);
    }
    System.out.println("# all sizes: " + Machine.describe());
    tables.forEach(System.out::println);
    System.exit(0);
  }

  private static SystemResult runOne(
      String system, List<FraudPipeline> pipelines, Options options, Path dir) {
    try {
      return switch (system) {
        case "ours" -> OursRun.run(pipelines, options, dir);
        case "floor" -> FloorRun.run(pipelines, dir);
        case "kro" -> KroRun.run(pipelines, dir, options.kroCutOff());
        default -> throw new IllegalArgumentException(system);
      };
    } catch (Exception e) {
      e.printStackTrace();
      return SystemResult.notRun(system, pipelines.size(), "failed: " + e + "; logs in " + dir);
    }
  }
}
