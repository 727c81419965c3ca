package io.fraudpipeline.benchmarks.scale.kro;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * kro's controller as a process of its own, with the settings of kro's Helm chart (its binary's
 * defaults: one worker per instance kind, 100 QPS, burst 150) except those a single local replica
 * has no use for: leader election, and the metrics and health ports, which could clash with other
 * processes on the machine.
 */
final class KroController implements AutoCloseable {

  private final Process process;
  private final Path log;
  private final Thread stopAtExit;

  private KroController(Process process, Path log) {
    this.process = process;
    this.log = log;
    // the controller must not outlive a benchmark that ends without close()
    this.stopAtExit = new Thread(this::stop, "kro-controller-stop");
    Runtime.getRuntime().addShutdownHook(stopAtExit);
  }

  static KroController start(Path binary, Path kubeconfig, Path log) throws IOException {
    List<String> command =
        List.of(
            binary.toString(),
            "--kubeconfig=" + kubeconfig,
            "--leader-elect=false",
            "--metrics-bind-address=0",
            "--health-probe-bind-address=0",
            "--zap-log-level=info",
            "--graceful-shutdown-timeout=10s");
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    p.getOutputStream().close();
    return new KroController(p, log);
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  Path log() {
    return log;
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(stopAtExit);
    } catch (IllegalStateException exiting) {
      // the JVM is shutting down and runs the hook itself
    }
  }

  private void stop() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
