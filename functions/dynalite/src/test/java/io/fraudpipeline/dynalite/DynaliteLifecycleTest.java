package io.fraudpipeline.dynalite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The engine's process ends with its parent, keeps its data directory to itself, and says so. */
class DynaliteLifecycleTest {

  @TempDir Path dataDir;

  private static boolean gone(long pid, Duration within) throws InterruptedException {
    Instant deadline = Instant.now().plus(within);
    while (Instant.now().isBefore(deadline)) {
      Optional<ProcessHandle> handle = ProcessHandle.of(pid);
      if (handle.isEmpty() || !handle.get().isAlive()) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  @Test
  void theEngineEndsWhenItsJvmIsKilledAndTheDirectoryCanBeUsedAgain() throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    Process parent =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    "-D"
                        + DynaliteServer.MODULES_PROPERTY
                        + "="
                        + DynaliteServer.locateCli().getParent().getParent(),
                    HoldsDynalite.class.getName(),
                    dataDir.toString()))
            .redirectErrorStream(true)
            .start();
    long engine;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      assertThat(line).as("the child JVM's first line").startsWith("engine ");
      engine = Long.parseLong(line.substring("engine ".length()).strip());
      assertThat(ProcessHandle.of(engine))
          .hasValueSatisfying(h -> assertThat(h.isAlive()).isTrue());

      parent.destroyForcibly(); // SIGKILL: no shutdown hook runs
      assertThat(parent.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(gone(engine, Duration.ofSeconds(5))).as("engine " + engine + " ended").isTrue();
    try (DynaliteServer again = DynaliteServer.startPersistent(dataDir);
        DynamoDbClient client = again.client()) {
      assertThat(client.listTables().tableNames()).isEmpty();
    }
  }

  @Test
  void aSecondEngineOnADirectoryInUseFailsAtOnceNamingIt() {
    try (DynaliteServer first = DynaliteServer.startPersistent(dataDir)) {
      Instant start = Instant.now();
      assertThatThrownBy(() -> DynaliteServer.startPersistent(dataDir).close())
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "the data directory "
                  + dataDir.toAbsolutePath()
                  + " is in use by another local"
                  + " pipeline");
      assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(2));
      assertThat(first.isRunning()).isTrue();
    }
    // released on close
    DynaliteServer.startPersistent(dataDir).close();
  }

  @Test
  void anEngineThatDiesIsReportedAndOneThatIsClosedIsNot() throws Exception {
    DynaliteServer dying = DynaliteServer.startInMemory();
    ProcessHandle.of(dying.pid()).orElseThrow().destroyForcibly();
    assertThat(dying.unexpectedExit().get(5, TimeUnit.SECONDS))
        .startsWith("the DynamoDB engine (Dynalite, pid " + dying.pid() + ") exited with code ");
    dying.close();

    DynaliteServer closed = DynaliteServer.startInMemory();
    closed.close();
    assertThat(gone(closed.pid(), Duration.ofSeconds(5))).isTrue();
    Thread.sleep(200);
    assertThat(closed.unexpectedExit()).isNotDone();
  }
}
