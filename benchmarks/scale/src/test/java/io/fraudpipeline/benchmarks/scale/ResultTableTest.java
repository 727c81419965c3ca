package io.fraudpipeline.benchmarks.scale;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.testing.cluster.AuditLog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

  @Test
  void atTheTargetSizeRatiosToTheFloorAreJudgedAgainstTheTargets() {
    SystemResult ours = ours(1000, 150.0, 1100, 200.0, 0L);
    SystemResult floor = floor(1000, 100.0, 1000);

    String table = ResultTable.render(1000, List.of(ours, floor));

    assertThat(table)
        .contains("### 1000 pipelines")
        .contains("ours / floor: time to Ready 1.50x, writes 1.10x")
        .contains("target time to Ready <= 1.5x the floor: met")
        .contains("target writes <= 1.2x the floor: met")
        .contains("target operator live heap < 256 MB (200.0 MB): met")
        .contains("target 0 writes over three steady-state resyncs: met");
  }

  @Test
  void aTargetMissedSaysSo() {
    String table =
        ResultTable.render(
            1000, List.of(ours(1000, 151.0, 2300, 300.0, 4L), floor(1000, 100.0, 1000)));

    assertThat(table)
        .contains("time to Ready 1.51x, writes 2.30x")
        .contains("target time to Ready <= 1.5x the floor: NOT met")
        .contains("target writes <= 1.2x the floor: NOT met")
        .contains("target operator live heap < 256 MB (300.0 MB): NOT met")
        .contains("target 0 writes over three steady-state resyncs: NOT met");
  }

  @Test
  void otherSizesShowRatiosWithoutTargetsAndASystemNotRunSaysWhy() {
    String table =
        ResultTable.render(
            100,
            List.of(
                ours(100, 20.0, 120, 40.0, 0L),
                floor(100, 10.0, 100),
                SystemResult.notRun("kro", 100, "no peer")));

    assertThat(table)
        .contains("ours / floor: time to Ready 2.00x, writes 1.20x")
        .doesNotContain("target")
        .contains("| kro | not run (no peer) |");
  }

  @Test
  void aRowShowsPerPipelineCostsBesideTheTotals() {
    // 40 MB over 16 idle for 100 pipelines: 245.8 KB each; 12 s of CPU: 120 ms each
    String row = ResultTable.row(ours(100, 20.0, 120, 40.0, 0L));

    assertThat(row)
        .startsWith("| ours | 3800 | 20.0 | 1.2 (create 1.2) |")
        .contains("| 12.0 / 120.0 |")
        .contains("| 40.0 (16.0) / 245.8 |");
  }

  @Test
  void kroCutOffShowsHowFarItGotAndLeavesWhatItsCutShortFiguresCannotDecide() {
    SystemResult ours = ours(1000, 450.0, 47_000, 140.0, 0L);
    SystemResult kro = kro(1000, 412, 900.0, 40.0, 120);

    String table = ResultTable.render(1000, List.of(ours, floor(1000, 300.0, 41_000), kro));

    assertThat(ResultTable.row(kro)).startsWith("| kro | 41000 | > 900.0 (412 of 1000 ready) |");
    // ours: 12 s of CPU and 300 MB; kro: 40 s until the cut-off and 120 MB
    assertThat(table)
        .contains(
            "ours / kro: time to Ready 0.50x (kro cut off: its time is longer), controller CPU"
                + " 0.30x (kro's until the cut-off), controller RSS 2.50x (time ahead, CPU ahead,"
                + " memory behind)");
  }

  @Test
  void aCutShortKroThatUsedLessCpuSoFarLeavesCpuUndecided() {
    String verdict =
        ResultTable.againstKro(ours(100, 20.0, 120, 40.0, 0L), kro(100, 60, 900, 6, 400));

    assertThat(verdict).endsWith("(time ahead, CPU undecided, memory ahead)");
  }

  @Test
  void aKroThatFinishedIsJudgedOnItsWholeRun() {
    String verdict =
        ResultTable.againstKro(ours(100, 20.0, 120, 40.0, 0L), kro(100, 100, 10.0, 6, 100));

    assertThat(verdict)
        .isEqualTo(
            "ours / kro: time to Ready 2.00x, controller CPU 2.00x, controller RSS 3.00x (time"
                + " behind, CPU behind, memory behind)");
  }

  private static SystemResult kro(int n, int ready, double seconds, double cpu, double rss) {
    return new SystemResult(
        "kro",
        n,
        ready,
        41 * n,
        seconds,
        creates("kro", n),
        null,
        null,
        null,
        new ServerUsage(cpu, rss),
        null,
        null,
        new ServerUsage(30, 900),
        new ServerUsage(5, 200),
        120,
        "");
  }

  private static SystemResult ours(int n, double seconds, int writes, double heap, Long steady) {
    return new SystemResult(
        "ours",
        n,
        n,
        38 * n,
        seconds,
        creates("op", writes),
        steady,
        5.0,
        creates("op", 1),
        new ServerUsage(12.0, 300),
        heap,
        16.0,
        new ServerUsage(30, 900),
        new ServerUsage(5, 200),
        120,
        "");
  }

  private static SystemResult floor(int n, double seconds, int writes) {
    return SystemResult.bareClient(
        "floor",
        n,
        38 * n,
        seconds,
        creates("floor", writes),
        new ServerUsage(20, 800),
        new ServerUsage(4, 180),
        100);
  }

  private static AuditCounts creates(String user, int n) {
    List<AuditLog.Entry> entries = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      entries.add(AuditCountsTest.entry(user, "create", "queues", "", 201));
    }
    return AuditCounts.of(entries, user);
  }
}
