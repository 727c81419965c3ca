package io.fraudpipeline.benchmarks.scale;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The benchmark's command line.
 *
 * @param sizes pipeline counts, one run of each system per count
 * @param systems which of ours, floor and kro to run
 * @param resync the operator's RESYNC_PERIOD (short, so three resyncs fit in the run)
 * @param perNamespace pipelines per namespace
 * @param jfrSize record the operator with JFR at this size (0: never)
 * @param kroCutOff how long kro is given at each size before it is measured as it stands
 * @param workDir where each run's control plane and logs go
 */
record Options(
    List<Integer> sizes,
    Set<String> systems,
    Duration resync,
    int perNamespace,
    int jfrSize,
    Duration kroCutOff,
    Path workDir) {

  static final Set<String> SYSTEMS = Set.of("ours", "floor", "kro");

  static final String USAGE =
      "usage: scale-benchmark [--sizes 100,500,1000] [--systems ours,floor,kro]"
          + " [--resync-seconds 20] [--per-namespace 100] [--jfr SIZE] [--kro-cutoff-minutes 15]"
          + " [--work DIR]";

  /**
   * @throws IllegalArgumentException naming the bad option, in one line
   */
  static Options parse(String... args) {
    List<Integer> sizes = List.of(100, 500, 1000);
    Set<String> systems = new LinkedHashSet<>(List.of("ours", "floor", "kro"));
    Duration resync = Duration.ofSeconds(20);
    int perNamespace = 100;
    int jfr = 0;
    // kro reconciles one instance at a time: past a few hundred pipelines it needs far longer
    // than ours, and waiting for it would make the run of record hours long
    Duration kroCutOff = Duration.ofMinutes(15);
    Path work = Path.of("benchmarks", "scale", "target", "scale-run");
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + ": missing value (" + USAGE + ")");
      }
      String value = args[++i];
      switch (option) {
        case "--sizes" -> sizes = sizes(value);
        case "--systems" -> systems = systems(value);
        case "--resync-seconds" -> resync = Duration.ofSeconds(positive(option, value));
        case "--per-namespace" -> perNamespace = positive(option, value);
        case "--jfr" -> jfr = positive(option, value);
        case "--kro-cutoff-minutes" -> kroCutOff = Duration.ofMinutes(positive(option, value));
        case "--work" -> work = Path.of(value);
        default ->
            throw new IllegalArgumentException("unknown option " + option + " (" + USAGE + ")");
      }
    }
    return new Options(sizes, systems, resync, perNamespace, jfr, kroCutOff, work.toAbsolutePath());
  }

  private static List<Integer> sizes(String value) {
    List<Integer> out = new ArrayList<>();
    for (String part : value.split(",")) {
      out.add(positive("--sizes", part.trim()));
    }
    return List.copyOf(out);
  }

  private static Set<String> systems(String value) {
    Set<String> out = new LinkedHashSet<>();
    for (String part : value.split(",")) {
      String system = part.trim();
      if (!SYSTEMS.contains(system)) {
        throw new IllegalArgumentException(
            "--systems: '" + system + "' is not one of ours, floor, kro");
      }
      out.add(system);
    }
    return out;
  }

  private static int positive(String option, String value) {
    try {
      int n = Integer.parseInt(value);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        option + ": expected a positive number, got '" + value + "'");
  }
}
