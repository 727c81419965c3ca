package io.fraudpipeline.functions.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.functions.contract.EnvVars;
import io.fraudpipeline.functions.contract.Handlers;
import io.fraudpipeline.functions.json.Json;
import io.fraudpipeline.functions.model.ScoringPayload;
import io.fraudpipeline.functions.model.Transaction;
import io.fraudpipeline.functions.testing.Events;
import io.fraudpipeline.functions.testing.LocalDynamo;
import io.fraudpipeline.functions.testing.SigV4Check;
import io.fraudpipeline.functions.testing.StubAwsEndpoint;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployable artifact itself, after {@code package}: its content, and both handlers started by
 * name in fresh JVMs with nothing but the environment the operator sets (pointed at Dynalite and at
 * loopback stand-ins for Lambda and SNS through the SDK's {@code AWS_ENDPOINT_URL_*}).
 */
class PackagedFunctionsIT {

  private static final long MAX_BYTES = 10L * 1024 * 1024;

  @TempDir static Path unpacked;
  private static PackagedArtifact artifact;

  @BeforeAll
  static void unpack() {
    artifact = PackagedArtifact.unpack(PackagedArtifact.zip(), unpacked);
  }

  @Test
  void holdsTheThreeHandlersAndNothingTestOrLocalOnly() throws IOException {
    assertThat(Files.size(PackagedArtifact.zip())).isLessThan(MAX_BYTES);
    try (ZipFile zip = new ZipFile(PackagedArtifact.zip().toFile())) {
      List<String> names = Collections.list(zip.entries()).stream().map(e -> e.getName()).toList();
      for (String handler : List.of(Handlers.PROCESSOR, Handlers.SCORER, Handlers.CHECK)) {
        assertThat(names).contains(Handlers.className(handler).replace('.', '/') + ".class");
      }
      // the runtime pieces are there, test- and local-only ones and the heavy HTTP clients not
      assertThat(names)
          .contains(
              "software/amazon/awssdk/services/dynamodb/DynamoDbClient.class",
              "software/amazon/awssdk/services/sns/SnsClient.class",
              "software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class",
              "com/fasterxml/jackson/jr/ob/JSON.class",
              "org/crac/Core.class")
          .noneMatch(
              n ->
                  n.startsWith("org/junit/")
                      || n.startsWith("org/assertj/")
                      || n.startsWith("io/fraudpipeline/dynalite/")
                      || n.startsWith("io/netty/")
                      || n.startsWith("org/apache/http")
                      || n.startsWith("software/amazon/awssdk/http/apache")
                      || n.startsWith("software/amazon/awssdk/http/nio/")
                      || n.startsWith("software/amazon/awssdk/services/lambda/")
                      // the CRT client and its natives are the image's (decision 0012)
                      || n.startsWith("software/amazon/awssdk/http/crt/")
                      || n.startsWith("software/amazon/awssdk/crt/")
                      || n.endsWith(".so"));
      assertThat(names).noneMatch(n -> n.contains("testing/") || n.contains("packaging/"));
    }
  }

  @Test
  void theProcessorRunsFromTheEnvironmentAlone(@TempDir Path events) throws IOException {
    LocalDynamo.Tables tables = LocalDynamo.freshTables();
    try (StubAwsEndpoint lambda = new StubAwsEndpoint(StubAwsEndpoint::lambdaAccepted)) {
      Map<String, String> env = awsEnv();
      env.put("AWS_ENDPOINT_URL_DYNAMODB", LocalDynamo.server().endpoint().toString());
      env.put("AWS_ENDPOINT_URL_LAMBDA", lambda.endpoint().toString());
      env.put(EnvVars.TRANSACTIONS_TABLE, tables.transactions());
      env.put(EnvVars.FRAUD_SCORES_TABLE, tables.scores());
      env.put(EnvVars.SCORER_FUNCTION_NAME, "fraud-scorer-it");
      env.put(EnvVars.PIPELINE_NAME, "pipeline-it");
      Path post =
          write(
              events,
              "post.json",
              Events.api(
                  "POST",
                  "/transactions",
                  "{\"transaction_id\":\"it-1\",\"timestamp\":1700000000,\"amount\":0.10}"));
      Path stream =
          write(
              events,
              "stream.json",
              Events.streamBatch(
                  List.of(
                      Events.streamRecord(
                          "INSERT", "7", Events.image("it-1", 1700000000L, "0.10", "unknown")))));

      PackagedArtifact.Run run = artifact.run(Handlers.PROCESSOR, env, List.of(post, stream));

      assertThat(run.exitCode()).as(run.output()).isZero();
      assertThat(run.responses()).hasSize(2);
      assertThat(Json.readObject(bytes(run.responses().get(0)))).containsEntry("statusCode", 202);
      assertThat(run.responses().get(1)).isEqualTo("{\"batchItemFailures\":[]}");
      assertThat(tables.transactionCount()).isEqualTo(1);
      Transaction sent = ScoringPayload.fromJson(bytes(lambda.requests().get(0).body())).get(0);
      assertThat(sent.amount()).isEqualByComparingTo(new BigDecimal("0.10"));
      assertThat(lambda.requests().get(0).path())
          .endsWith("/functions/fraud-scorer-it/invocations");
      assertThat(run.output()).contains("\"transaction_id\":\"it-1\"");
      assertThat(run.output()).contains("\"Pipeline\":\"pipeline-it\",\"TransactionsAccepted\":1");
    }
  }

  @Test
  void theCheckRunsFromTheEnvironmentAloneAndSignsItsRequests(@TempDir Path events)
      throws IOException {
    try (StubAwsEndpoint api =
        new StubAwsEndpoint(
            request ->
                new StubAwsEndpoint.Response(
                    request.method().equals("POST") ? 202 : 200,
                    "application/json",
                    request.method().equals("POST")
                        ? "{\"status\":\"accepted\"}"
                        : "{\"status\":\"scored\",\"fraud_score\":0}"))) {
      Map<String, String> env = awsEnv();
      env.put(EnvVars.API_ENDPOINT, api.endpoint() + "/prod");
      env.put(EnvVars.API_AUTHORIZATION, "AWS_IAM");
      env.put(EnvVars.PIPELINE_NAME, "pipeline-it");
      Path scheduled = events.resolve("scheduled.json");
      Files.writeString(
          scheduled,
          "{\"version\":\"0\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\","
              + "\"detail\":{}}");

      PackagedArtifact.Run run = artifact.run(Handlers.CHECK, env, List.of(scheduled));

      assertThat(run.exitCode()).as(run.output()).isZero();
      assertThat(Json.readObject(bytes(run.responses().get(0)))).containsEntry("succeeded", true);
      assertThat(api.requests())
          .hasSizeGreaterThanOrEqualTo(2)
          .allSatisfy(r -> assertThat(SigV4Check.verify(r, "it")).isEqualTo("execute-api"));
      assertThat(api.requests().get(0).path()).isEqualTo("/prod/transactions");
      assertThat(run.output()).contains("\"Pipeline\":\"pipeline-it\",\"CheckSucceeded\":1");
    }
  }

  @Test
  void theScorerRunsFromTheEnvironmentAloneWithItsSettings(@TempDir Path events)
      throws IOException {
    LocalDynamo.Tables tables = LocalDynamo.freshTables();
    try (StubAwsEndpoint sns = new StubAwsEndpoint(StubAwsEndpoint::snsPublished)) {
      Map<String, String> env = awsEnv();
      env.put("AWS_ENDPOINT_URL_DYNAMODB", LocalDynamo.server().endpoint().toString());
      env.put("AWS_ENDPOINT_URL_SNS", sns.endpoint().toString());
      env.put(EnvVars.FRAUD_SCORES_TABLE, tables.scores());
      env.put(EnvVars.ALERT_TOPIC_ARN, "arn:aws:sns:eu-west-1:123456789012:fraud-alerts-it");
      env.put(EnvVars.ALERT_THRESHOLD, "0.35");
      env.put(EnvVars.HIGH_RISK_MERCHANTS, "casino");
      env.put(EnvVars.SCORE_RETENTION_DAYS, "2");
      Path payload = events.resolve("payload.json");
      Files.write(
          payload,
          ScoringPayload.toJson(
              List.of(
                  new Transaction(
                      "it-2", 1700000000L, new BigDecimal("3"), "Grand Casino", null, null))));

      PackagedArtifact.Run run = artifact.run(Handlers.SCORER, env, List.of(payload, payload));

      assertThat(run.exitCode()).as(run.output()).isZero();
      assertThat(onlyResult(run.responses().get(0))).containsEntry("published", true);
      assertThat(onlyResult(run.responses().get(1))).containsEntry("published", false);
      assertThat(sns.requests())
          .singleElement()
          .satisfies(
              publish -> {
                assertThat(publish.form())
                    .containsEntry(
                        "TopicArn", "arn:aws:sns:eu-west-1:123456789012:fraud-alerts-it");
                assertThat(publish.form().get("Message")).contains("\"alert_threshold\":0.35");
                assertThat(publish.header("Authorization")).contains("/eu-west-1/sns/aws4_request");
              });
      assertThat(tables.scoreCount()).isEqualTo(1);
    }
  }

  private static Map<String, String> awsEnv() {
    Map<String, String> env = new HashMap<>();
    env.put(EnvVars.AWS_REGION, "eu-west-1");
    env.put("AWS_ACCESS_KEY_ID", "it");
    env.put("AWS_SECRET_ACCESS_KEY", "it");
    env.put("AWS_SESSION_TOKEN", "it-session");
    return env;
  }

  private static Path write(Path dir, String name, Map<String, Object> event) throws IOException {
    return Files.write(dir.resolve(name), Events.bytes(event));
  }

  /** The one result of a scorer response for an event of one transaction. */
  private static Map<String, Object> onlyResult(String response) {
    List<?> results = (List<?>) Json.readObject(bytes(response)).get("transactions");
    assertThat(results).hasSize(1);
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) results.get(0);
    return result;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
