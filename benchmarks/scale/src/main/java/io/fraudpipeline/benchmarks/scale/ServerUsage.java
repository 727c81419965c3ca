package io.fraudpipeline.benchmarks.scale;

/**
 * CPU seconds of a process since a start point, and its RSS now.
 *
 * @param cpuSeconds user plus system CPU since the start
 * @param rssMb resident memory at the end
 */
record ServerUsage(double cpuSeconds, double rssMb) {

  /** Starts counting a process's CPU now. */
  static Meter meter(long pid) {
    return new Meter(pid, ProcStats.cpuSeconds(pid));
  }

  /** A process's CPU counter from a start point. */
  record Meter(long pid, double startCpu) {
    ServerUsage read() {
      return new ServerUsage(ProcStats.cpuSeconds(pid) - startCpu, ProcStats.rssMb(pid));
    }
  }
}
