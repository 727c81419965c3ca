package io.fraudpipeline.benchmarks.scale;

import io.fraudpipeline.testing.cluster.AuditLog;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The measured stretch of a run: from the first create until a count of objects is seen ready.
 * Opened just before the creates, it holds the audit-log mark and the CPU counters of the
 * controller (if any), kube-apiserver and etcd.
 */
final class Window {

  /** Time for writes in flight when the last object turned ready to reach the audit log. */
  static final Duration SETTLE = Duration.ofSeconds(10);

  private static final Duration PATIENCE = Duration.ofMinutes(40);
  private static final int STALL_MINUTES = 5;
  private static final Duration STALL = Duration.ofMinutes(STALL_MINUTES);

  /**
   * What the window measured.
   *
   * @param ready the objects seen ready at the end (below the target when cut off)
   * @param controller the controller's CPU (and RSS at the end), null without a controller
   */
  record Result(
      double seconds,
      int ready,
      AuditCounts writes,
      ServerUsage controller,
      ServerUsage apiServer,
      ServerUsage etcd) {}

  private final RunCluster rc;
  private final AuditLog audit;
  private final long mark;
  private final ServerUsage.Meter controller;
  private final ServerUsage.Meter apiServer;
  private final ServerUsage.Meter etcd;
  private final long start;

  /**
   * @param controllerPid the controller's process, or 0 without one (the floor)
   */
  Window(RunCluster rc, long controllerPid) {
    this.rc = rc;
    this.audit = rc.cluster.auditLog();
    this.controller = controllerPid == 0 ? null : ServerUsage.meter(controllerPid);
    this.apiServer = ServerUsage.meter(rc.apiServerPid());
    this.etcd = ServerUsage.meter(rc.etcdPid());
    this.mark = audit.mark();
    this.start = System.nanoTime();
  }

  /** Creates the objects at once: this many requests in flight, no waiting in between. */
  <T> Window create(List<T> objects, int inFlight, Consumer<T> create) throws InterruptedException {
    Parallel.forEach(objects, inFlight, create);
    return this;
  }

  /**
   * Waits until the watch has seen {@code target} objects ready, then for writes in flight, and
   * counts the user's writes from the window's start. Fails when neither the watch's count nor the
   * MRs seen Ready have moved for {@value #STALL_MINUTES} minutes.
   */
  Result awaitReady(ReadyWatch watch, ReadyWatch mrs, int target, String user)
      throws InterruptedException {
    long end =
        watch.await(target, PATIENCE, STALL, () -> watch.count() + mrs.count(), rc::checkProvider);
    return measured(end, watch.count(), user);
  }

  /**
   * As {@link #awaitReady}, but a system still converging at the cut-off is measured as it stands
   * then (the peer's figures, when it is too slow to wait for), not failed.
   */
  Result awaitReadyOrCutOff(
      ReadyWatch watch, ReadyWatch mrs, int target, String user, Duration cutOff)
      throws InterruptedException {
    try {
      long end =
          watch.await(target, cutOff, STALL, () -> watch.count() + mrs.count(), rc::checkProvider);
      return measured(end, watch.count(), user);
    } catch (ReadyWatch.TimedOut e) {
      return measured(e.at, e.reached, user);
    }
  }

  private Result measured(long end, int ready, String user) throws InterruptedException {
    ServerUsage c = controller == null ? null : controller.read();
    ServerUsage a = apiServer.read();
    ServerUsage e = etcd.read();
    Thread.sleep(SETTLE.toMillis());
    return new Result((end - start) / 1e9, ready, AuditCounts.of(audit.since(mark), user), c, a, e);
  }
}
