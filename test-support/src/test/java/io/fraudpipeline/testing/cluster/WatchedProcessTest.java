package io.fraudpipeline.testing.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A watched child ends when its JVM ends, even by kill -9. */
class WatchedProcessTest {

  /** Run in a JVM of its own: starts a watched {@code sleep} and prints its pid. */
  public static void main(String[] args) throws Exception {
    WatchedProcess p = WatchedProcess.start("sleeper", List.of("sleep", "600"), Path.of(args[0]));
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      var sleeper =
          ProcessHandle.current()
              .descendants()
              .filter(h -> h.info().command().orElse("").endsWith("sleep"))
              .findFirst();
      if (sleeper.isPresent()) {
        System.out.println(sleeper.get().pid());
        System.out.flush();
        break;
      }
      Thread.sleep(50);
    }
    Thread.sleep(600_000);
    p.close();
  }

  @Test
  void theChildEndsWhenItsJvmIsKilled(@TempDir Path dir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process jvm =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                WatchedProcessTest.class.getName(),
                dir.resolve("sleeper.log").toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    long pid;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
      pid = Long.parseLong(out.readLine().trim());
    }
    ProcessHandle sleeper = ProcessHandle.of(pid).orElseThrow();
    assertThat(sleeper.isAlive()).isTrue();

    new ProcessBuilder("kill", "-9", Long.toString(jvm.pid())).start().waitFor();

    Eventually.await("the sleeper ended", Duration.ofSeconds(15), () -> !sleeper.isAlive());
    assertThat(Files.exists(dir.resolve("sleeper.log"))).isTrue();
  }

  @Test
  void closeEndsTheChild(@TempDir Path dir) throws Exception {
    WatchedProcess p = WatchedProcess.start("sleeper", List.of("sleep", "600"), dir.resolve("l"));
    Eventually.await(
        "the sleeper ended",
        Duration.ofSeconds(5),
        () ->
            p.isAlive()
                && ProcessHandle.current()
                    .descendants()
                    .anyMatch(h -> h.info().command().orElse("").endsWith("sleep")));
    ProcessHandle sleeper =
        ProcessHandle.current()
            .descendants()
            .filter(h -> h.info().command().orElse("").endsWith("sleep"))
            .findFirst()
            .orElseThrow();

    p.close();

    Eventually.await("the sleeper ended", Duration.ofSeconds(15), () -> !sleeper.isAlive());
    assertThat(p.isAlive()).isFalse();
  }
}
