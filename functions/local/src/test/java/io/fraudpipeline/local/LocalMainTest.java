package io.fraudpipeline.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** The command line: spec-named flags, and bad usage answered with exit code 2 and one line. */
class LocalMainTest {

  @Test
  void flagsBecomeTheSettingsTheyAreNamedAfter() {
    LocalMain main = new LocalMain();
    new CommandLine(main)
        .parseArgs(
            "--port=9090",
            "--bind=0.0.0.0",
            "--data-dir=local-data",
            "--batch-size=25",
            "--maximum-retry-attempts=-1",
            "--alert-threshold=0.65",
            "--high-amount=20000",
            "--elevated-amount=7500.50",
            "--high-risk-merchants=casino,Crypto",
            "--score-retention-days=7",
            "--environment-suffix=dev-1",
            "--check-every=30s");

    LocalSettings settings = main.settings();

    assertThat(settings.port()).isEqualTo(9090);
    assertThat(settings.bind()).isEqualTo("0.0.0.0");
    assertThat(settings.dataDir()).contains(Path.of("local-data"));
    assertThat(settings.stream().batchSize()).isEqualTo(25);
    assertThat(settings.stream().maximumRetryAttempts()).isEqualTo(-1);
    assertThat(settings.scoring().alertThreshold()).isEqualByComparingTo("0.65");
    assertThat(settings.scoring().highAmount()).isEqualByComparingTo("20000");
    assertThat(settings.scoring().elevatedAmount()).isEqualByComparingTo(new BigDecimal("7500.50"));
    assertThat(settings.scoring().highRiskMerchants()).containsExactly("casino", "crypto");
    assertThat(settings.scoring().scoreRetentionDays()).isEqualTo(7);
    assertThat(new LocalNames(settings.environmentSuffix()).transactionsTable())
        .isEqualTo("transactions-dev-1");
    assertThat(settings.checkEvery()).contains(Duration.ofSeconds(30));
  }

  @Test
  void theCheckRunsOnlyWhenAskedAndTakesMinutesAndHoursToo() {
    assertThat(settingsOf().checkEvery()).isEmpty();
    assertThat(settingsOf("--check-every=5m").checkEvery()).contains(Duration.ofMinutes(5));
    assertThat(settingsOf("--check-every=1h").checkEvery()).contains(Duration.ofHours(1));
    assertThat(settingsOf("--check-every=1500ms").checkEvery()).contains(Duration.ofMillis(1500));
  }

  private static LocalSettings settingsOf(String... args) {
    LocalMain main = new LocalMain();
    new CommandLine(main).parseArgs(args);
    return main.settings();
  }

  @Test
  void defaultsAreTheSpecsOnLoopbackInMemory() {
    LocalMain main = new LocalMain();
    new CommandLine(main).parseArgs();

    LocalSettings settings = main.settings();

    assertThat(settings.port()).isEqualTo(8080);
    assertThat(settings.bind()).isEqualTo("127.0.0.1");
    assertThat(settings.dataDir()).isEmpty();
    assertThat(settings.environmentSuffix()).isEqualTo("local");
    assertThat(settings.stream().batchSize()).isEqualTo(100);
    assertThat(settings.stream().maximumRetryAttempts()).isEqualTo(5);
    assertThat(settings.scoring().alertThreshold()).isEqualByComparingTo("0.8");
    assertThat(settings.scoring().highRiskMerchants())
        .isEqualTo(List.of("unknown", "offshore", "crypto"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--no-such-flag | --no-such-flag",
        "--port=http | --port",
        "--port=70000 | --port",
        "--batch-size=0 | --batch-size",
        "--maximum-retry-attempts=-2 | --maximum-retry-attempts",
        "--alert-threshold=1.5 | --alert-threshold",
        "--high-amount=-1 | --high-amount",
        "--score-retention-days=0 | --score-retention-days",
        "--environment-suffix=Dev_1 | --environment-suffix",
        // the CRD's rules, from the same definitions
        "--elevated-amount=20000 | --elevated-amount",
        "--high-amount=100 | --elevated-amount",
        "--high-risk-merchants=crypto,,casino | --high-risk-merchants",
        "--high-risk-merchants=a234567890123456789012345678901234567890123456789012345678901234"
            + "5 | --high-risk-merchants",
        "--score-retention-days=3651 | --score-retention-days",
        "--batch-size=10001 | --batch-size",
        "--check-every=30 | --check-every",
        "--check-every=30x | --check-every",
        "--check-every=0s | --check-every",
        "--check-every=500ms | --check-every",
        "--check-every=25h | --check-every"
      })
  void aBadFlagExitsWithTwoAndOneLineNamingIt(String argument, String flag) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        LocalMain.commandLine(System.out, new PrintStream(err, true, StandardCharsets.UTF_8))
            .execute(argument);

    String output = err.toString(StandardCharsets.UTF_8);
    assertThat(code).isEqualTo(2);
    assertThat(output.lines()).singleElement().asString().contains(flag);
  }
}
