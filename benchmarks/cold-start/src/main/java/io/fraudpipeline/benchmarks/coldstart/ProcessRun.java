package io.fraudpipeline.benchmarks.coldstart;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One fresh process under {@code /usr/bin/time}, with only the environment given (plus PATH): the
 * wall time from starting it to its first handled event and to its exit, the CPU it used in all and
 * its peak resident set, as the kernel accounts them for the process.
 */
final class ProcessRun {

  /** One run's figures; {@code eventMillis} is the handling of the event alone, as it reported. */
  record Sample(
      long firstEventMillis,
      long wholeMillis,
      long cpuMillis,
      long peakRssKb,
      long eventMillis,
      String response) {}

  private ProcessRun() {}

  static Sample run(List<String> command, Map<String, String> env, Path scratch) {
    Path timing = scratch.resolve("time.txt");
    List<String> timed = new ArrayList<>();
    timed.addAll(List.of("/usr/bin/time", "-o", timing.toString(), "-f", "%U %S %M"));
    timed.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(timed).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> !name.equals("PATH"));
    builder.environment().putAll(env);
    StringBuilder output = new StringBuilder();
    long start = System.nanoTime();
    try {
      Process process = builder.start();
      long first = -1;
      String handled = null;
      try (BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = lines.readLine()) != null; ) {
          if (line.startsWith("HANDLED ") && handled == null) {
            first = millisSince(start);
            handled = line;
          }
          if (output.length() < 20_000) {
            output.append(line).append('\n');
          }
        }
      }
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("did not end: " + command + "\n" + output);
      }
      long whole = millisSince(start);
      if (process.exitValue() != 0 || handled == null) {
        throw new IllegalStateException(
            "failed (exit " + process.exitValue() + "): " + command + "\n" + output);
      }
      String[] time = Files.readString(timing).trim().split("\\s+");
      long cpu = Math.round((Double.parseDouble(time[0]) + Double.parseDouble(time[1])) * 1000);
      String[] parts = handled.split(" ", 3);
      return new Sample(
          first,
          whole,
          cpu,
          Long.parseLong(time[2]),
          Long.parseLong(parts[1]),
          parts.length > 2 ? parts[2] : "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static long millisSince(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
  }
}
