package io.fraudpipeline.benchmarks.coldstart;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The AOT cache of the image deploy, made as {@code functions/Dockerfile} makes it: one training
 * run of {@code PrimingTraining} (both handlers' primers and one event of each kind, no network)
 * with Lambda's flags and {@code -XX:AOTCacheOutput}, on a class path of jars only (an AOT cache
 * takes no classes from directories). The measured JVMs then start with {@code -XX:AOTCache} on the
 * same class path and the options of the image's {@code JAVA_TOOL_OPTIONS} ({@link #runOptions}).
 */
final class AotCache {

  static final String TRAINING_MAIN = "io.fraudpipeline.functions.aws.PrimingTraining";

  /**
   * What the image's {@code JAVA_TOOL_OPTIONS} adds to {@code -XX:AOTCache} (keep the two alike):
   * the training's method profiles are not replayed, see {@code functions/Dockerfile}.
   */
  static final List<String> RUN_FLAGS =
      List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTReplayTraining");

  /** The options of a JVM that starts from the cache. */
  static List<String> runOptions(Path cache) {
    List<String> options = new ArrayList<>();
    options.add("-XX:AOTCache=" + cache);
    options.addAll(RUN_FLAGS);
    return List.copyOf(options);
  }

  private AotCache() {}

  /**
   * The training environment: names for the handlers, and a free loopback port for the endpoint the
   * training run serves itself.
   */
  static Map<String, String> trainingEnvironment() throws IOException {
    int freePort;
    try (ServerSocket s = new ServerSocket(0)) {
      freePort = s.getLocalPort();
    }
    Map<String, String> env = new HashMap<>();
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_ACCESS_KEY_ID", "training");
    env.put("AWS_SECRET_ACCESS_KEY", "training");
    env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:" + freePort);
    // one retry, so the retry path is trained without waiting out the SDK's full backoff
    env.put("AWS_MAX_ATTEMPTS", "2");
    env.put("TRANSACTIONS_TABLE", "transactions-training");
    env.put("FRAUD_SCORES_TABLE", "fraud_scores-training");
    env.put("SCORER_FUNCTION_NAME", "fraud-scorer-training:live");
    env.put("ALERT_TOPIC_ARN", "arn:aws:sns:us-east-1:000000000000:fraud-alerts-training");
    return env;
  }

  /**
   * Trains and returns the cache file, with {@code added} in the training's environment (the HTTP
   * client); prints how long the training took and its size.
   */
  static Path train(Path javaHome, List<String> classpath, Map<String, String> added, Path cache)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(javaHome.resolve("bin/java").toString());
    command.addAll(JavaContender.LAMBDA_JIT_AND_GC);
    command.add("-XX:AOTCacheOutput=" + cache);
    command.addAll(List.of("-cp", String.join(File.pathSeparator, classpath), TRAINING_MAIN));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> !name.equals("PATH"));
    builder.environment().putAll(trainingEnvironment());
    builder.environment().putAll(added);
    Path log = cache.resolveSibling(cache.getFileName() + ".training.log");
    builder.redirectOutput(log.toFile());
    long start = System.nanoTime();
    try {
      Process p = builder.start();
      if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.exists(cache)) {
        throw new IllegalStateException("AOT training failed; see " + log);
      }
      // a training whose calls failed would cache the failure path, not a first event's
      if (!Files.readString(log).contains("4 of 4 events answered")) {
        throw new IllegalStateException("AOT training: not every event was answered; see " + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    System.out.printf(
        "AOT cache: %s, %.1f MiB, training and assembly %.1f s (log %s)%n",
        cache.getFileName(),
        Files.size(cache) / 1024.0 / 1024.0,
        (System.nanoTime() - start) / 1e9,
        log);
    return cache;
  }
}
