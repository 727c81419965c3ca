package io.fraudpipeline.benchmarks.scale;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The heap of live objects of a JVM: {@code jcmd <pid> GC.class_histogram} runs a full GC first and
 * prints the bytes of every reachable object, totalled on its last line.
 */
final class LiveHeap {

  private LiveHeap() {}

  static double liveMb(long pid) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p =
        new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("jcmd " + pid + " GC.class_histogram failed: " + out);
    }
    return totalBytes(out) / (1024.0 * 1024.0);
  }

  /** The bytes of the histogram's {@code Total} line. */
  static long totalBytes(String histogram) {
    for (String line : histogram.split("\n")) {
      String trimmed = line.trim();
      if (trimmed.startsWith("Total")) {
        String[] fields = trimmed.split("\\s+");
        return Long.parseLong(fields[2]);
      }
    }
    throw new IllegalArgumentException("no Total line in the class histogram");
  }
}
