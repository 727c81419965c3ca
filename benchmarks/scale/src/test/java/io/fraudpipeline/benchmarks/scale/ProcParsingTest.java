package io.fraudpipeline.benchmarks.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The parsers of what /proc and jcmd print. */
class ProcParsingTest {

  @Test
  void cpuTicksAreUtimePlusStimeCountedAfterTheCommandName() {
    // a command name with a space and a parenthesis must not shift the fields
    String stat =
        "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 567 0 0 20 0 40 0 9999 1 2";

    assertThat(ProcStats.cpuTicks(stat)).isEqualTo(1234 + 567);
  }

  @Test
  void rssIsTheVmRssLine() {
    String status = "Name:\tjava\nVmPeak:\t  9000 kB\nVmRSS:\t  254312 kB\nThreads:\t40\n";

    assertThat(ProcStats.rssKb(status)).isEqualTo(254312);
    assertThatThrownBy(() -> ProcStats.rssKb("Name:\tjava\n")).hasMessageContaining("VmRSS");
  }

  @Test
  void liveHeapIsTheHistogramsTotalBytes() {
    String histogram =
        """
        4242:
         num     #instances         #bytes  class name (module)
        -------------------------------------------------------
           1:         12345        1048576  [B (java.base@17)
           2:           100           4000  java.lang.String (java.base@17)
        Total         12445        1052576
        """;

    assertThat(LiveHeap.totalBytes(histogram)).isEqualTo(1052576);
    assertThatThrownBy(() -> LiveHeap.totalBytes("4242:\n")).hasMessageContaining("Total");
  }

  @Test
  void readyReconcilesSumTheReadyResultOfTheOperatorsTimer() {
    String metrics =
        """
        # TYPE fraudpipeline_reconcile_duration_seconds histogram
        fraudpipeline_reconcile_duration_seconds_count{result="progressing"} 70
        fraudpipeline_reconcile_duration_seconds_count{result="ready"} 12
        fraudpipeline_reconcile_duration_seconds_sum{result="ready"} 0.5
        """;

    assertThat(OperatorProcess.readyReconciles(metrics)).isEqualTo(12);
  }
}
