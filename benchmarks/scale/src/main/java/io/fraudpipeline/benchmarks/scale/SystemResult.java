package io.fraudpipeline.benchmarks.scale;

/**
 * What one system did at one size. Figures a system has no counterpart for are null (the floor has
 * no resync or restart; kro's controller is not a JVM, so it has no live heap).
 *
 * @param system ours, floor or kro
 * @param pipelines the pipeline count
 * @param ready the pipelines (kro: instances) seen ready at the end: fewer than {@code pipelines}
 *     when the run was cut off while still converging, and then every figure is until the cut-off
 * @param objects the MRs seen Ready when the last pipeline (or instance, or MR) was
 * @param readySeconds from the first create to the last pipeline (or MR) seen ready
 * @param writes the system's user's requests until ready and settled
 * @param steadyWrites its writes (other than leases) over three resync periods at steady state
 * @param restartSeconds from a new operator process to every pipeline reconciled Ready once
 * @param restartWrites the new process's writes until then and settled
 * @param controller the controller process's CPU until ready, and RSS at steady state
 * @param heapMb the controller's live heap at steady state (after a full GC)
 * @param idleHeapMb the same before any pipeline existed
 * @param apiServer kube-apiserver's CPU until ready, RSS at the end
 * @param etcd etcd's CPU until ready, RSS at the end
 * @param etcdDbMb etcd's database file at the end
 * @param note what the reader must know (e.g. what kro covers)
 */
record SystemResult(
    String system,
    int pipelines,
    int ready,
    int objects,
    double readySeconds,
    AuditCounts writes,
    Long steadyWrites,
    Double restartSeconds,
    AuditCounts restartWrites,
    ServerUsage controller,
    Double heapMb,
    Double idleHeapMb,
    ServerUsage apiServer,
    ServerUsage etcd,
    double etcdDbMb,
    String note) {

  /** A bare client: no controller, so no resync, restart or controller figures. */
  static SystemResult bareClient(
      String system,
      int pipelines,
      int objects,
      double readySeconds,
      AuditCounts writes,
      ServerUsage apiServer,
      ServerUsage etcd,
      double etcdDbMb) {
    return new SystemResult(
        system,
        pipelines,
        pipelines,
        objects,
        readySeconds,
        writes,
        null,
        null,
        null,
        null,
        null,
        null,
        apiServer,
        etcd,
        etcdDbMb,
        "");
  }

  /** A system that could not be run, and why. */
  static SystemResult notRun(String system, int pipelines, String why) {
    return new SystemResult(
        system,
        pipelines,
        0,
        0,
        Double.NaN,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        Double.NaN,
        "not run (" + why + ")");
  }

  boolean ran() {
    return writes != null;
  }

  /** Stopped at the cut-off before every pipeline was ready. */
  boolean cutOff() {
    return ran() && ready < pipelines;
  }
}
