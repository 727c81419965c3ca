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
import java.io.UncheckedIOException;
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
      List<Case> cases = new ArrayList<>();
      IntFunction<Path> post =
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
                              + "\",\"timestamp\":1700000000,\"amount\":12.5}")));
      IntFunction<Path> stream =
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
          };
      IntFunction<Path> score =
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
                          null)));
      addWithPrimed(cases, "processor: POST /transactions", Handlers.PROCESSOR, post);
      addWithPrimed(cases, "processor: stream batch of 10", Handlers.PROCESSOR, stream);
      addWithPrimed(cases, "scorer: score + alert", Handlers.SCORER, score);
      // round-robin over the cases, so a burst of load elsewhere on the machine does not land on
      // one case only
      for (int round = 0; round < runs; round++) {
        for (int c = 0; c < cases.size(); c++) {
          cases.get(c).runOnce(artifact, env, round * cases.size() + c);
        }
      }
      cases.forEach(Case::print);
    }
  }

  /**
   * A case, and the same case after the handler's priming (as after a SnapStart restore, where only
   * the event column compares: a restore replaces init and priming).
   */
  private static void addWithPrimed(
      List<Case> cases, String name, String handler, IntFunction<Path> events) {
    cases.add(new Case(name, handler, events, List.of()));
    cases.add(new Case("  primed (SnapStart)", handler, events, List.of("-Dprime=true")));
  }

  /** One line of the table: its runs' figures as they come in. */
  private record Case(
      String name,
      String handler,
      IntFunction<Path> events,
      List<String> jvmArgs,
      List<Long> wall,
      List<Long> init,
      List<Long> first,
      List<Long> cpu) {

    Case(String name, String handler, IntFunction<Path> events, List<String> jvmArgs) {
      this(
          name,
          handler,
          events,
          jvmArgs,
          new ArrayList<>(),
          new ArrayList<>(),
          new ArrayList<>(),
          new ArrayList<>());
    }

    /** One fresh JVM; {@code id} is new for every run, so each takes the same path. */
    void runOnce(PackagedArtifact artifact, Map<String, String> env, int id) {
      PackagedArtifact.Run run = artifact.run(handler, env, List.of(events.apply(id)), jvmArgs);
      if (run.exitCode() != 0 || run.responses().isEmpty()) {
        throw new IllegalStateException(name + " failed:\n" + run.output());
      }
      wall.add(run.firstResponseMillis());
      init.add(run.reported("INIT"));
      first.add(run.reported("HANDLED"));
      cpu.add(run.reported("CPU"));
    }

    void print() {
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
      throw new UncheckedIOException(e);
    }
  }
}
