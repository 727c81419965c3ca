package io.fraudpipeline.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's answer when its DynamoDB engine is missing, taken or dies. */
class LocalMainEngineTest {

  private static final Pattern ENGINE_PID = Pattern.compile("node pid (\\d+)");

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private CompletableFuture<Integer> run(String... args) {
    return CompletableFuture.supplyAsync(
        () ->
            LocalMain.commandLine(
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(args));
  }

  private long enginePid() throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      Matcher m = ENGINE_PID.matcher(out.toString(StandardCharsets.UTF_8));
      if (m.find()) {
        return Long.parseLong(m.group(1));
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no banner: " + out + err);
  }

  @Test
  void anEngineThatDiesStopsTheLocalModeWithALineSayingSo() throws Exception {
    CompletableFuture<Integer> exit = run("--port=0");
    long engine = enginePid();

    ProcessHandle.of(engine).orElseThrow().destroyForcibly();

    assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .singleElement()
        .asString()
        .startsWith("fraud-pipeline-local: the DynamoDB engine (Dynalite, pid " + engine + ")")
        .endsWith("; stopping");
  }

  @Test
  void aSecondLocalModeOnTheSameDataDirectoryFailsAtOnceNamingIt(@TempDir Path dataDir)
      throws Exception {
    try (LocalPipeline first =
        LocalPipeline.start(LocalSettings.defaults().withPort(0).withDataDir(dataDir))) {
      Instant start = Instant.now();
      int code = run("--port=0", "--data-dir=" + dataDir).get(10, TimeUnit.SECONDS);

      assertThat(code).isEqualTo(1);
      assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(3));
      assertThat(err.toString(StandardCharsets.UTF_8).lines())
          .singleElement()
          .asString()
          .isEqualTo(
              "fraud-pipeline-local: cannot start: the data directory "
                  + dataDir.toAbsolutePath()
                  + " is in use by another local pipeline");
      assertThat(first.dynalite().isRunning()).isTrue();
    }
  }
}
