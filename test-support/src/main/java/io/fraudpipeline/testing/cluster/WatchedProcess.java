package io.fraudpipeline.testing.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child process that cannot outlive this JVM: it runs under a shell wrapper that holds a pipe
 * from the JVM and ends the child when the pipe closes, which the kernel does however the JVM ends
 * (kill -9 included).
 */
final class WatchedProcess implements AutoCloseable {

  /*
   * fd 3 keeps the JVM's pipe; an asynchronous list's stdin is /dev/null, so the watcher reads
   * fd 3 explicitly. EOF there means the JVM closed the pipe or died.
   */
  private static final String WRAPPER =
      """
      exec 3<&0
      "$@" 3<&- </dev/null &
      child=$!
      ( cat <&3 >/dev/null; kill -TERM $child 2>/dev/null; sleep 10; kill -KILL $child 2>/dev/null ) &
      exec 3<&-
      wait $child
      """;

  private final String name;
  private final Process process;
  private final OutputStream lifeline;
  private final Path log;

  private WatchedProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.lifeline = process.getOutputStream();
    this.log = log;
  }

  static WatchedProcess start(String name, List<String> command, Path log) throws IOException {
    List<String> wrapped = new ArrayList<>(List.of("sh", "-c", WRAPPER, name));
    wrapped.addAll(command);
    Process process =
        new ProcessBuilder(wrapped)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    return new WatchedProcess(name, process, log);
  }

  /** The wrapped command's own process (a child of the shell wrapper), by its executable's name. */
  long childPid() {
    return process
        .descendants()
        .filter(
            h ->
                h.info()
                    .command()
                    .map(c -> Path.of(c).getFileName().toString().equals(name))
                    .orElse(false))
        .findFirst()
        .map(ProcessHandle::pid)
        .orElseThrow(() -> new IllegalStateException("no process " + name + " under " + process));
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String name() {
    return name;
  }

  Path log() {
    return log;
  }

  @Override
  public void close() {
    try {
      lifeline.close();
    } catch (IOException ignored) {
      // the pipe is gone already: the watcher has seen EOF
    }
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }
}
