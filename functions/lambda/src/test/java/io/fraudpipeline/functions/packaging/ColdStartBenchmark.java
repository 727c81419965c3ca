package io.fraudpipeline.functions.packaging;

import io.fraudpipeline.dynalite.DynaliteServer;
import io.fraudpipeline.dynalite.FraudTables;
import io.fraudpipeline.functions.contract.EnvVars;
import io.fraudpipeline.functions.contract.Handlers;
import io.fraudpipeline.functions.model.ScoringPayload;
import io.fraudpipeline.functions.model.Transaction;
import io.fraudpipeline.functions.testing.Events;
import io.fraudpipeline.functions.testing.StubAwsEndpoint;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Cold start of the packaged functions: for each handler, fresh JVMs with Lambda's JIT flags over
 * the unpacked {@code fraud-functions.zip}, each timed from process start to its first handled
 * event, against a Dynalite that is already running. Prints the median of several runs and the
 * package size. Run with {@code mvn -pl functions/lambda package exec:java@cold-start}.
 */
public final class ColdStartBenchmark {

  private ColdStartBenchmark() {}

  public static void main(String[] args) throws IOException {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    Path zip = PackagedArtifact.zip();
    Path work = Files.createTempDirectory("cold-start");
    PackagedArtifact artifact = PackagedArtifact.unpack(zip, work.resolve("artifact"));
    try (DynaliteServer dynalite = DynaliteServer.startInMemory();
        DynamoDbClient client = dynalite.client();
        StubAwsEndpoint lambda = new StubAwsEndpoint(StubAwsEndpoint::lambdaAccepted);
        StubAwsEndpoint sns = new StubAwsEndpoint(StubAwsEndpoint::snsPublished)) {
      FraudTables.transactions("transactions-bench").createIn(client);
      FraudTables.fraudScores("fraud_scores-bench").createIn(client);
      Map<String, String> env = new HashMap<>();
      env.put(EnvVars.AWS_REGION, "us-east-1");
      env.put("AWS_ACCESS_KEY_ID", "bench");
      env.put("AWS_SECRET_ACCESS_KEY", "bench");
      env.put("AWS_ENDPOINT_URL_DYNAMODB", dynalite.endpoint().toString());
      env.put("AWS_ENDPOINT_URL_LAMBDA", lambda.endpoint().toString());
      env.put("AWS_ENDPOINT_URL_SNS", sns.endpoint().toString());
      env.put(EnvVars.TRANSACTIONS_TABLE, "transactions-bench");
      env.put(EnvVars.FRAUD_SCORES_TABLE, "fraud_scores-bench");
      env.put(EnvVars.SCORER_FUNCTION_NAME, "fraud-scorer-bench");
      env.put(EnvVars.ALERT_TOPIC_ARN, "arn:aws:sns:us-east-1:123456789012:fraud-alerts-bench");

      System.out.printf(
          Locale.ROOT,
          "package %s: %,d bytes (%.2f MiB)%n",
          zip.getFileName(),
          Files.size(zip),
          Files.size(zip) / 1024.0 / 1024.0);
      System.out.printf(
          Locale.ROOT, "JVM %s, %d runs per case%n", System.getProperty("java.version"), runs);
      System.out.printf(
          Locale.ROOT,
          "%-32s %9s %7s %7s %9s %9s %9s%n",
          "case (fresh JVM, first event)",
          "median ms",
          "min",
          "max",
          "init ms",
          "event ms",
          "CPU ms");
      measure(
          "processor: POST /transactions",
          artifact,
          Handlers.PROCESSOR,
          env,
          runs,
          i ->
              event(
                  work,
                  "post-" + i,
                  Events.bytes(
                      Events.api(
                          "POST",
                          "/transactions",
                          "{\"transaction_id\":\"bench-"
                              + i
                              + "\",\"timestamp\":1700000000,\"amount\":12.5}"))));
      measure(
          "processor: stream batch of 10",
          artifact,
          Handlers.PROCESSOR,
          env,
          runs,
          i -> {
            List<Map<String, Object>> records = new ArrayList<>();
            for (int r = 0; r < 10; r++) {
              records.add(
                  Events.streamRecord(
                      "INSERT",
                      i + "0" + r,
                      Events.image("bench-" + i + "-" + r, 1700000000L, "12.5", "shop")));
            }
            return event(work, "stream-" + i, Events.bytes(Events.streamBatch(records)));
          });
      measure(
          "scorer: score + alert",
          artifact,
          Handlers.SCORER,
          env,
          runs,
          i ->
              event(
                  work,
                  "score-" + i,
                  ScoringPayload.toJson(
                      new Transaction(
                          "bench-alert-" + i,
                          1700000000L,
                          new BigDecimal("25000"),
                          "crypto",
                          null,
                          null))));
    }
  }

  private static void measure(
      String name,
      PackagedArtifact artifact,
      String handler,
      Map<String, String> env,
      int runs,
      IntFunction<Path> events) {
    measure(name, artifact, handler, env, runs, events, List.of());
    // the same first event after the CRaC hooks ran, as after a SnapStart restore: only the
    // event column compares, since a restore replaces init and priming
    measure("  primed (SnapStart)", artifact, handler, env, runs, events, List.of("-Dprime=true"));
  }

  private static void measure(
      String name,
      PackagedArtifact artifact,
      String handler,
      Map<String, String> env,
      int runs,
      IntFunction<Path> events,
      List<String> jvmArgs) {
    List<Long> wall = new ArrayList<>();
    List<Long> init = new ArrayList<>();
    List<Long> first = new ArrayList<>();
    List<Long> cpu = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      // fresh ids for every run, so each takes the same path (a new transaction, a new score)
      int id = jvmArgs.isEmpty() ? i : runs + i;
      PackagedArtifact.Run run = artifact.run(handler, env, List.of(events.apply(id)), jvmArgs);
      if (run.exitCode() != 0 || run.responses().isEmpty()) {
        throw new IllegalStateException(name + " failed:\n" + run.output());
      }
      wall.add(run.firstResponseMillis());
      init.add(run.reported("INIT"));
      first.add(run.reported("HANDLED"));
      cpu.add(run.reported("CPU"));
    }
    System.out.printf(
        Locale.ROOT,
        "%-32s %9d %7d %7d %9d %9d %9d%n",
        name,
        median(wall),
        Collections.min(wall),
        Collections.max(wall),
        median(init),
        median(first),
        median(cpu));
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static Path event(Path dir, String name, byte[] content) {
    try {
      return Files.write(dir.resolve(name + ".json"), content);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
