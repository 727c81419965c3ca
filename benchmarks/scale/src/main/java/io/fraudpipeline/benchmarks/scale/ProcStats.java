package io.fraudpipeline.benchmarks.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and resident memory of a process, from Linux's /proc. */
final class ProcStats {

  /** USER_HZ: the unit of /proc/<pid>/stat's times on every Linux architecture Java runs on. */
  private static final double TICKS_PER_SECOND = 100.0;

  private ProcStats() {}

  /** User plus system CPU seconds the process has used so far. */
  static double cpuSeconds(long pid) {
    try {
      return cpuTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")))
          / TICKS_PER_SECOND;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read /proc/" + pid + "/stat (process gone?)", e);
    }
  }

  /** Resident set size in MB. */
  static double rssMb(long pid) {
    try {
      return rssKb(Files.readString(Path.of("/proc", Long.toString(pid), "status"))) / 1024.0;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read /proc/" + pid + "/status (process gone?)", e);
    }
  }

  /**
   * utime + stime of a /proc/<pid>/stat line. The command name (field 2) may hold spaces and
   * parentheses, so fields are counted after its last ')'.
   */
  static long cpuTicks(String stat) {
    int end = stat.lastIndexOf(')');
    if (end < 0) {
      throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + stat);
    }
    String[] fields = stat.substring(end + 2).trim().split("\\s+");
    // after the name: field 3 (state) is index 0, so utime (14) and stime (15) are 11 and 12
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /** VmRSS of a /proc/<pid>/status text, in kB. */
  static long rssKb(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
      }
    }
    throw new IllegalArgumentException("no VmRSS line in /proc/<pid>/status");
  }
}
