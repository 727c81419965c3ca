package io.fraudpipeline.benchmarks.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Where and when the run happened: printed with every table, as the figures depend on it. */
final class Machine {

  private Machine() {}

  static String describe() {
    return "date %s, %d cores, %.1f GB memory, load average %s, JDK %s (%s)"
        .formatted(
            Instant.now().truncatedTo(ChronoUnit.SECONDS),
            Runtime.getRuntime().availableProcessors(),
            memTotalKb() / (1024.0 * 1024.0),
            loadAverage(),
            Runtime.version(),
            System.getProperty("java.vm.vendor"));
  }

  /** The 1, 5 and 15 minute load averages. */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static long memTotalKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return Long.parseLong(line.substring(9).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException e) {
      // reported as 0 GB
    }
    return 0;
  }
}
