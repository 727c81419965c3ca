package io.fraudpipeline.benchmarks.scale;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the operator's CPU and allocation go, from its JFR recording: execution samples by top
 * frame and by the first frame of the operator's own code, allocation samples by class and by the
 * operator's frame that allocated.
 */
final class JfrSummary {

  private static final String OURS = "io.fraudpipeline.";
  private static final int TOP = 12;

  private JfrSummary() {}

  static void print(Path recording, int pipelines, PrintStream out) {
    Map<String, Long> cpuTop = new HashMap<>();
    Map<String, Long> cpuOurs = new HashMap<>();
    Map<String, Long> allocByClass = new HashMap<>();
    Map<String, Long> allocOurs = new HashMap<>();
    long samples = 0;
    long allocated = 0;
    try {
      for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
        String type = e.getEventType().getName();
        if (type.equals("jdk.ExecutionSample")) {
          samples++;
          cpuTop.merge(frame(e.getStackTrace(), false), 1L, Long::sum);
          cpuOurs.merge(frame(e.getStackTrace(), true), 1L, Long::sum);
        } else if (type.equals("jdk.ObjectAllocationSample")) {
          long weight = e.getLong("weight");
          allocated += weight;
          allocByClass.merge(e.getClass("objectClass").getName(), weight, Long::sum);
          allocOurs.merge(frame(e.getStackTrace(), true), weight, Long::sum);
        }
      }
    } catch (IOException e) {
      out.println("JFR: cannot read " + recording + ": " + e.getMessage());
      return;
    }
    out.printf(
        "%nJFR of the operator at %d pipelines (%s): %d execution samples, %.0f MB allocated"
            + " (%.1f MB per pipeline)%n",
        pipelines, recording, samples, allocated / 1048576.0, allocated / 1048576.0 / pipelines);
    top(out, "CPU by top frame", cpuTop, samples, "samples");
    top(out, "CPU by the operator's innermost frame (" + OURS + "*)", cpuOurs, samples, "samples");
    top(out, "allocation by class", allocByClass, allocated, "bytes");
    top(out, "allocation by the operator's innermost frame", allocOurs, allocated, "bytes");
    // the size's table follows: Markdown needs the blank line to start it
    out.println();
  }

  /** The top frame, or the innermost frame of the operator's code ("(other)" when none). */
  static String frame(RecordedStackTrace stack, boolean oursOnly) {
    if (stack == null || stack.getFrames().isEmpty()) {
      return "(no stack)";
    }
    List<RecordedFrame> frames = stack.getFrames();
    for (RecordedFrame f : frames) {
      String name = f.getMethod().getType().getName() + "." + f.getMethod().getName();
      if (!oursOnly || name.startsWith(OURS)) {
        return name;
      }
    }
    return "(not in the operator's code)";
  }

  private static void top(
      PrintStream out, String title, Map<String, Long> counts, long total, String unit) {
    out.println("  " + title + ":");
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(TOP)
        .forEach(
            e ->
                out.printf(
                    "    %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, total), e.getKey()));
    out.println("    (of " + total + " " + unit + ")");
  }
}
