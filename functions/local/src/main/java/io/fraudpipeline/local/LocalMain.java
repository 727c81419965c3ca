package io.fraudpipeline.local;

import io.fraudpipeline.dynalite.DynaliteServer;
import io.fraudpipeline.functions.contract.SettingRules;
import io.fraudpipeline.functions.scorer.ScoringConfig;
import io.fraudpipeline.local.scorer.AsyncInvocationSettings;
import io.fraudpipeline.local.stream.StreamMappingSettings;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar fraud-pipeline-local.jar}: starts the whole pipeline on this machine and serves
 * it until Ctrl-C. The flags carry the names of the FraudPipeline spec fields they stand for.
 */
@Command(
    name = "fraud-pipeline-local",
    mixinStandardHelpOptions = true,
    version = "fraud-pipeline-local 0.1.0",
    sortOptions = false,
    description = "Runs the fraud pipeline on this machine: the HTTP API, the stream, the scorer.")
public final class LocalMain implements Callable<Integer> {

  private static final Pattern SUFFIX = Pattern.compile(SettingRules.ENVIRONMENT_SUFFIX_PATTERN);

  @Spec CommandSpec spec;

  private final PrintStream out;
  private final PrintStream err;

  LocalMain(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  LocalMain() {
    this(System.out, System.err);
  }

  @Option(
      names = "--port",
      description = "HTTP port (default ${DEFAULT-VALUE}; 0 for any free one)")
  int port = LocalSettings.DEFAULT_PORT;

  @Option(
      names = "--bind",
      description = "address to listen on (default ${DEFAULT-VALUE}: this machine only)")
  String bind = LocalSettings.DEFAULT_BIND;

  @Option(
      names = "--data-dir",
      description = "keep the tables in this directory across runs (default: in memory)")
  Path dataDir;

  @Option(names = "--batch-size", description = "spec.stream.batchSize (default ${DEFAULT-VALUE})")
  int batchSize = LocalSettings.DEFAULT_BATCH_SIZE;

  @Option(
      names = "--maximum-retry-attempts",
      description = "spec.stream.maximumRetryAttempts, -1 for no limit (default ${DEFAULT-VALUE})")
  int maximumRetryAttempts = LocalSettings.DEFAULT_MAXIMUM_RETRY_ATTEMPTS;

  @Option(
      names = "--alert-threshold",
      description = "spec.scoring.alertThreshold (default ${DEFAULT-VALUE})")
  BigDecimal alertThreshold = ScoringConfig.DEFAULT_ALERT_THRESHOLD;

  @Option(
      names = "--high-amount",
      description = "spec.scoring.highAmount (default ${DEFAULT-VALUE})")
  BigDecimal highAmount = ScoringConfig.DEFAULT_HIGH_AMOUNT;

  @Option(
      names = "--elevated-amount",
      description = "spec.scoring.elevatedAmount (default ${DEFAULT-VALUE})")
  BigDecimal elevatedAmount = ScoringConfig.DEFAULT_ELEVATED_AMOUNT;

  @Option(
      names = "--high-risk-merchants",
      split = ",",
      description = "spec.scoring.highRiskMerchants, comma-separated (default ${DEFAULT-VALUE})")
  List<String> highRiskMerchants = ScoringConfig.DEFAULT_HIGH_RISK_MERCHANTS;

  @Option(
      names = "--score-retention-days",
      description = "spec.scoring.scoreRetentionDays (default ${DEFAULT-VALUE})")
  int scoreRetentionDays = ScoringConfig.DEFAULT_SCORE_RETENTION_DAYS;

  @Option(
      names = "--environment-suffix",
      description =
          "spec.environmentSuffix, names the tables and queues (default ${DEFAULT-VALUE})")
  String environmentSuffix = LocalSettings.DEFAULT_SUFFIX;

  @Option(
      names = "--retry-delay-ms",
      description =
          "first delay before a stream or scorer retry, doubled for each further one"
              + " (default ${DEFAULT-VALUE}; Lambda waits far longer)")
  long retryDelayMs = LocalSettings.DEFAULT_RETRY_DELAY.toMillis();

  @Option(
      names = "--scorer-concurrency",
      description = "scorer invocations running at once (default ${DEFAULT-VALUE})")
  int scorerConcurrency = LocalSettings.DEFAULT_SCORER_CONCURRENCY;

  @Option(
      names = "--check-every",
      paramLabel = "DURATION",
      description =
          "run the pipeline's check (a synthetic transaction through the API until scored) this"
              + " often, e.g. 30s, 5m (default: off)")
  String checkEvery;

  /** A number and a unit: {@code 30s}, {@code 5m}, {@code 1h}, {@code 500ms}. */
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

  static final Duration CHECK_EVERY_MIN = Duration.ofSeconds(1);
  static final Duration CHECK_EVERY_MAX = Duration.ofDays(1);

  public static void main(String[] args) {
    locateDynaliteBesideTheJar();
    int code = commandLine(System.out, System.err).execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * The jar lives in {@code functions/local/target} of the checkout that installed Dynalite in
   * {@code functions/dynalite/node_modules}: point the launcher there, so the command also works
   * from another working directory (otherwise it searches upwards from the working directory).
   */
  private static void locateDynaliteBesideTheJar() {
    if (System.getProperty(DynaliteServer.MODULES_PROPERTY) != null) {
      return;
    }
    try {
      Path jar =
          Path.of(LocalMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path modules = jar.resolveSibling("../../dynalite/node_modules").normalize();
      if (Files.isDirectory(modules.resolve("dynalite"))) {
        System.setProperty(DynaliteServer.MODULES_PROPERTY, modules.toString());
      }
    } catch (URISyntaxException | RuntimeException unknown) {
      // no jar location to go by: the launcher's own search applies
    }
  }

  /** The command with bad usage answered by one line naming the flag and exit code 2. */
  static CommandLine commandLine(PrintStream out, PrintStream err) {
    CommandLine cli = new CommandLine(new LocalMain(out, err));
    cli.setParameterExceptionHandler(
        (ParameterException e, String[] args) -> {
          err.println("fraud-pipeline-local: " + e.getMessage() + " (see --help)");
          return 2;
        });
    return cli;
  }

  /**
   * Serves until Ctrl-C (exit 0) or until the DynamoDB engine dies under it (exit 1, with a line
   * saying so): without its engine every request would fail.
   */
  @Override
  public Integer call() throws InterruptedException, ExecutionException {
    LocalSettings settings = settings();
    LocalPipeline pipeline;
    try {
      pipeline = LocalPipeline.start(settings);
    } catch (RuntimeException e) {
      err.println("fraud-pipeline-local: cannot start: " + e.getMessage());
      return 1;
    }
    CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    Thread shutdown =
        new Thread(
            () -> {
              pipeline.close();
              out.println("fraud-pipeline-local stopped");
              out.flush();
              exitCode.complete(0);
            },
            "local-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdown);
    pipeline
        .engineExit()
        .thenAccept(
            why -> {
              err.println("fraud-pipeline-local: " + why + "; stopping");
              err.flush();
              exitCode.complete(1);
            });
    out.println(Banner.text(pipeline));
    out.flush();
    int code = exitCode.get();
    if (code != 0) {
      Runtime.getRuntime().removeShutdownHook(shutdown);
      pipeline.close();
    }
    return code;
  }

  /**
   * The settings the flags describe.
   *
   * @throws ParameterException naming the flag whose value is out of range
   */
  LocalSettings settings() {
    requireRange("--port", port, 0, 65_535);
    requireRange(
        "--batch-size", batchSize, SettingRules.BATCH_SIZE_MIN, SettingRules.BATCH_SIZE_MAX);
    requireRange(
        "--maximum-retry-attempts",
        maximumRetryAttempts,
        SettingRules.MAXIMUM_RETRY_ATTEMPTS_MIN,
        SettingRules.MAXIMUM_RETRY_ATTEMPTS_MAX);
    requireRange(
        "--score-retention-days",
        scoreRetentionDays,
        SettingRules.SCORE_RETENTION_DAYS_MIN,
        SettingRules.SCORE_RETENTION_DAYS_MAX);
    requireRange("--scorer-concurrency", scorerConcurrency, 1, 1_000);
    if (retryDelayMs < 0) {
      throw bad("--retry-delay-ms", retryDelayMs, "must be >= 0");
    }
    if (alertThreshold.compareTo(BigDecimal.valueOf(SettingRules.ALERT_THRESHOLD_MIN)) < 0
        || alertThreshold.compareTo(BigDecimal.valueOf(SettingRules.ALERT_THRESHOLD_MAX)) > 0) {
      throw bad(
          "--alert-threshold",
          alertThreshold.toPlainString(),
          "must be between "
              + plain(SettingRules.ALERT_THRESHOLD_MIN)
              + " and "
              + plain(SettingRules.ALERT_THRESHOLD_MAX));
    }
    BigDecimal amountMin = BigDecimal.valueOf(SettingRules.AMOUNT_MIN);
    if (highAmount.compareTo(amountMin) < 0) {
      throw bad("--high-amount", highAmount.toPlainString(), "must be >= " + plain(amountMin));
    }
    if (elevatedAmount.compareTo(amountMin) < 0) {
      throw bad(
          "--elevated-amount", elevatedAmount.toPlainString(), "must be >= " + plain(amountMin));
    }
    if (elevatedAmount.compareTo(highAmount) > 0) {
      throw bad(
          "--elevated-amount",
          elevatedAmount.toPlainString(),
          "must not exceed --high-amount (" + highAmount.toPlainString() + ")");
    }
    if (highRiskMerchants.size() > SettingRules.HIGH_RISK_MERCHANTS_MAX_TERMS) {
      throw bad(
          "--high-risk-merchants",
          highRiskMerchants.size() + " terms",
          "holds at most " + SettingRules.HIGH_RISK_MERCHANTS_MAX_TERMS + " terms");
    }
    for (String term : highRiskMerchants) {
      String problem = SettingRules.highRiskMerchantProblem(term);
      if (problem != null) {
        throw bad("--high-risk-merchants", "'" + term + "'", "is refused: " + problem);
      }
    }
    if (!SUFFIX.matcher(environmentSuffix).matches()) {
      throw bad("--environment-suffix", environmentSuffix, "must match " + SUFFIX.pattern());
    }
    Duration retryDelay = Duration.ofMillis(retryDelayMs);
    Optional<Duration> check = checkEvery == null ? Optional.empty() : Optional.of(checkEvery());
    return new LocalSettings(
        bind,
        port,
        Optional.ofNullable(dataDir),
        environmentSuffix,
        new StreamMappingSettings(
            batchSize, maximumRetryAttempts, retryDelay, Duration.ofSeconds(5)),
        new AsyncInvocationSettings(
            scorerConcurrency, AsyncInvocationSettings.LAMBDA_DEFAULT_RETRIES, retryDelay),
        new ScoringConfig(
            alertThreshold, highAmount, elevatedAmount, highRiskMerchants, scoreRetentionDays),
        LocalSettings.DEFAULT_HTTP_THREADS,
        check);
  }

  private Duration checkEvery() {
    Matcher m = DURATION.matcher(checkEvery.strip());
    String rule = "must be a duration from 1s to 24h such as 30s, 5m or 1h";
    if (!m.matches()) {
      throw bad("--check-every", checkEvery, rule);
    }
    long amount = Long.parseLong(m.group(1));
    Duration every =
        switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          default -> Duration.ofHours(amount);
        };
    if (every.compareTo(CHECK_EVERY_MIN) < 0 || every.compareTo(CHECK_EVERY_MAX) > 0) {
      throw bad("--check-every", checkEvery, rule);
    }
    return every;
  }

  private void requireRange(String flag, long value, long min, long max) {
    if (value < min || value > max) {
      throw bad(flag, value, "must be " + min + ".." + max);
    }
  }

  private static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  private ParameterException bad(String flag, Object value, String rule) {
    return new ParameterException(
        spec.commandLine(), "Invalid value for option '" + flag + "': " + value + " " + rule);
  }
}
