package io.fraudpipeline.benchmarks.scale;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process the benchmark measures (the operator, the provider, kro): output to a log file, its
 * stdin held open as a lifeline, ended by SIGTERM (so the operator shuts down as in a pod) and
 * killed if it does not end in time.
 */
final class ChildProcess implements AutoCloseable {

  private final String name;
  private final Process process;
  private final OutputStream stdin;
  private final Path log;

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.stdin = process.getOutputStream();
    this.log = log;
    // a benchmark stopped by ^C must not leave an operator running against nothing
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, name + "-kill"));
  }

  static ChildProcess start(String name, List<String> command, Map<String, String> env, Path log)
      throws IOException {
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    builder.environment().putAll(env);
    return new ChildProcess(name, builder.start(), log);
  }

  /** A JVM running a main class of this benchmark's class path. */
  static ChildProcess java(
      String name, List<String> jvmArgs, String mainClass, List<String> args, Path log)
      throws IOException {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(args);
    return start(name, command, Map.of(), log);
  }

  long pid() {
    return process.pid();
  }

  Path log() {
    return log;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Waits until the log holds this text; fails early when the process exits. */
  void awaitLogLine(String text, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains(text)) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited (" + process.exitValue() + "); see " + log);
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        name + " did not print '" + text + "' in " + timeout + "; see " + log);
  }

  /** SIGTERM, then SIGKILL after the grace period (the chart's is 30 s). */
  @Override
  public void close() throws InterruptedException {
    try {
      stdin.close();
    } catch (IOException ignored) {
      // already closed: the process is gone or going
    }
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
