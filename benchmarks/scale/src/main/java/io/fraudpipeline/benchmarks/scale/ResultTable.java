package io.fraudpipeline.benchmarks.scale;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The table of one size (a row per system, per-pipeline columns beside the totals), the ratios of
 * ours to the floor, and the targets with met or not met.
 */
final class ResultTable {

  /** At this size the targets apply (the issue's). */
  static final int TARGET_SIZE = 1000;

  static final double TIME_TARGET = 1.5;
  static final double WRITES_TARGET = 1.2;
  static final double HEAP_TARGET_MB = 256;

  private static final String HEADER =
      "| system | MRs Ready | time to Ready (s) | writes / pipeline (by verb) | reads / pipeline"
          + " | writes over 3 resyncs | restart: s / writes | controller CPU (s) / per pipeline (ms)"
          + " | live heap MB (idle) / per pipeline (KB) | controller RSS (MB)"
          + " | kube-apiserver CPU (s) / RSS (MB) | etcd CPU (s) / RSS (MB) | etcd db (MB) |";

  private ResultTable() {}

  static String render(int size, List<SystemResult> results) {
    StringBuilder out = new StringBuilder();
    out.append("### ").append(size).append(" pipelines\n\n");
    out.append(HEADER).append('\n');
    out.append("|---".repeat(13)).append("|\n");
    List<String> notes = new ArrayList<>();
    for (SystemResult r : results) {
      if (!r.ran()) {
        out.append("| ").append(r.system()).append(" | ").append(r.note()).append(" |\n");
        continue;
      }
      out.append(row(r)).append('\n');
      if (r.note() != null && !r.note().isEmpty()) {
        notes.add(r.system() + ": " + r.note());
      }
    }
    out.append('\n');
    notes.forEach(n -> out.append("- ").append(n).append('\n'));
    for (String line : verdicts(size, results)) {
      out.append("- ").append(line).append('\n');
    }
    return out.toString();
  }

  static String row(SystemResult r) {
    int n = r.pipelines();
    return "| %s | %d | %s | %s (%s) | %s | %s | %s | %s | %s | %s | %s | %s | %s |"
        .formatted(
            r.system(),
            r.objects(),
            r.cutOff()
                ? "> %s (%d of %d ready)".formatted(f1(r.readySeconds()), r.ready(), n)
                : f1(r.readySeconds()),
            f1(r.writes().writes() / (double) n),
            r.writes().writesPerPipeline(n),
            f1(r.writes().reads() / (double) n),
            r.steadyWrites() == null ? "—" : r.steadyWrites().toString(),
            r.restartSeconds() == null
                ? "—"
                : f1(r.restartSeconds()) + " / " + r.restartWrites().writes(),
            r.controller() == null
                ? "—"
                : f1(r.controller().cpuSeconds())
                    + " / "
                    + f1(r.controller().cpuSeconds() * 1000 / n),
            r.heapMb() == null
                ? "—"
                : f1(r.heapMb())
                    + " ("
                    + f1(r.idleHeapMb())
                    + ") / "
                    + f1((r.heapMb() - r.idleHeapMb()) * 1024 / n),
            r.controller() == null ? "—" : f0(r.controller().rssMb()),
            usage(r.apiServer()),
            usage(r.etcd()),
            f0(r.etcdDbMb()));
  }

  /** Ours against the floor, and the targets at {@link #TARGET_SIZE}. */
  static List<String> verdicts(int size, List<SystemResult> results) {
    List<String> out = new ArrayList<>();
    Optional<SystemResult> ours = find(results, "ours");
    Optional<SystemResult> floor = find(results, "floor");
    find(results, "kro").ifPresent(kro -> ours.ifPresent(o -> out.add(againstKro(o, kro))));
    if (ours.isEmpty() || floor.isEmpty()) {
      out.add("ratios to the floor: need both ours and the floor in this run");
      return out;
    }
    double time = ours.get().readySeconds() / floor.get().readySeconds();
    double writes = ours.get().writes().writes() / (double) floor.get().writes().writes();
    out.add("ours / floor: time to Ready %sx, writes %sx".formatted(f2(time), f2(writes)));
    if (size == TARGET_SIZE) {
      out.add(
          target("time to Ready <= %sx the floor".formatted(f1(TIME_TARGET)), time <= TIME_TARGET));
      out.add(
          target("writes <= %sx the floor".formatted(f1(WRITES_TARGET)), writes <= WRITES_TARGET));
      Double heap = ours.get().heapMb();
      out.add(
          target(
              "operator live heap < %s MB (%s MB)".formatted(f0(HEAP_TARGET_MB), f1(heap)),
              heap != null && heap < HEAP_TARGET_MB));
      Long steady = ours.get().steadyWrites();
      out.add(target("0 writes over three steady-state resyncs", steady != null && steady == 0));
    }
    return out;
  }

  /**
   * Ours against kro on the goal's three measures. kro cut off took longer than it shows, so ours
   * is ahead on time when it finished before kro was cut off.
   */
  static String againstKro(SystemResult ours, SystemResult kro) {
    double time = ours.readySeconds() / kro.readySeconds();
    double cpu = ours.controller().cpuSeconds() / kro.controller().cpuSeconds();
    double rss = ours.controller().rssMb() / kro.controller().rssMb();
    return "ours / kro: time to Ready %sx%s, controller CPU %sx%s, controller RSS %sx (%s)"
        .formatted(
            f2(time),
            kro.cutOff() ? " (kro cut off: its time is longer)" : "",
            f2(cpu),
            kro.cutOff() ? " (kro's until the cut-off)" : "",
            f2(rss),
            ahead("time", time, kro.cutOff())
                + ", "
                + ahead("CPU", cpu, kro.cutOff())
                + ", "
                + ahead("memory", rss, false));
  }

  /** Below 1 is ahead; above it, a figure of kro's cut short may still overtake ours. */
  private static String ahead(String measure, double ratio, boolean kroCutShort) {
    return measure + (ratio < 1 ? " ahead" : kroCutShort ? " undecided" : " behind");
  }

  private static String target(String what, boolean met) {
    return "target " + what + ": " + (met ? "met" : "NOT met");
  }

  private static Optional<SystemResult> find(List<SystemResult> results, String system) {
    return results.stream().filter(r -> r.system().equals(system) && r.ran()).findFirst();
  }

  private static String usage(ServerUsage u) {
    return u == null ? "—" : f1(u.cpuSeconds()) + " / " + f0(u.rssMb());
  }

  private static String f0(double v) {
    return String.format(Locale.ROOT, "%.0f", v);
  }

  private static String f1(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String f2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
