package io.fraudpipeline.functions.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.functions.aws.Env;
import io.fraudpipeline.functions.contract.EnvVars;
import io.fraudpipeline.functions.contract.FraudMetrics;
import io.fraudpipeline.functions.contract.Synthetic;
import io.fraudpipeline.functions.contract.TableSchema;
import io.fraudpipeline.functions.json.Json;
import io.fraudpipeline.functions.processor.TransactionProcessorHandler;
import io.fraudpipeline.functions.processor.api.CheckCaller;
import io.fraudpipeline.functions.scorer.ScoringConfig;
import io.fraudpipeline.functions.testing.Events;
import io.fraudpipeline.functions.testing.LoopbackPipeline;
import io.fraudpipeline.functions.testing.RecordedMetrics;
import io.fraudpipeline.functions.testing.SigV4Check;
import io.fraudpipeline.functions.testing.StubAwsEndpoint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The check against the real handlers: the check's handler wired from its environment as in Lambda
 * (IAM authorization, the role's keys), an API Gateway on loopback that verifies the signature and
 * hands the processor the caller's ARN as API Gateway does, the processor and the scorer over
 * Dynalite, the stream delivered by the test (Dynalite has none) and the asynchronous invoke by a
 * loopback Lambda endpoint. The scoring rules make the check's transaction alert-due, so "no alert"
 * is proven rather than assumed.
 */
class CheckEndToEndTest {

  private static final String SECRET = "check-role-secret";
  private static final String CHECK_ROLE = "arn:aws:iam::123456789012:role/pipeline-check-e2e";
  private static final String CHECK_SESSION =
      "arn:aws:sts::123456789012:assumed-role/pipeline-check-e2e/pipeline-check-e2e";

  // "check" is a high-risk term here and 0.3 the threshold: the check's transaction scores 0.4
  private final LoopbackPipeline pipeline =
      new LoopbackPipeline(
          new ScoringConfig(
              new BigDecimal("0.3"),
              ScoringConfig.DEFAULT_HIGH_AMOUNT,
              ScoringConfig.DEFAULT_ELEVATED_AMOUNT,
              List.of("check"),
              30),
          CheckCaller.role(CHECK_ROLE));
  private final RecordedMetrics metrics = pipeline.metrics;
  private final TransactionProcessorHandler processor = pipeline.processor;
  private final StubAwsEndpoint apiGateway = new StubAwsEndpoint(this::asApiGateway);

  /** What API Gateway does with IAM authorization: verify, then proxy with the caller's ARN. */
  private StubAwsEndpoint.Response asApiGateway(StubAwsEndpoint.Request request) {
    try {
      SigV4Check.verify(request, SECRET);
    } catch (AssertionError e) {
      return new StubAwsEndpoint.Response(403, "application/json", "{\"message\":\"bad sig\"}");
    }
    String path = request.path().substring("/prod".length());
    Map<String, Object> event =
        path.equals("/transactions")
            ? Events.api(request.method(), path, request.body())
            : Events.getTransaction(path.substring("/transactions/".length()));
    Map<String, Object> answer = processor.handle(Events.fromCaller(event, CHECK_SESSION));
    return new StubAwsEndpoint.Response(
        ((Number) answer.get("statusCode")).intValue(),
        "application/json",
        (String) answer.get("body"));
  }

  @AfterEach
  void stop() {
    pipeline.close();
    apiGateway.close();
  }

  private PipelineCheckHandler checkAsDeployed() {
    Map<String, String> environment =
        Map.of(
            EnvVars.API_ENDPOINT,
            apiGateway.endpoint() + "/prod",
            EnvVars.API_AUTHORIZATION,
            "AWS_IAM",
            EnvVars.PIPELINE_NAME,
            RecordedMetrics.PIPELINE,
            EnvVars.AWS_REGION,
            "us-east-1",
            "AWS_ACCESS_KEY_ID",
            "AKIDCHECK",
            "AWS_SECRET_ACCESS_KEY",
            SECRET);
    return new PipelineCheckHandler(
        PipelineCheckHandler.fromEnv(new Env(environment::get), metrics.metrics()));
  }

  @Test
  void theChecksTransactionIsStoredToExpireScoredNotAlertedNotCountedAndTheCheckSucceeds()
      throws Exception {
    PipelineCheckHandler check = checkAsDeployed();
    long before = Instant.now().getEpochSecond();

    CompletableFuture<Map<String, Object>> run =
        CompletableFuture.supplyAsync(
            () -> {
              ByteArrayOutputStream out = new ByteArrayOutputStream();
              try {
                check.handleRequest(
                    new ByteArrayInputStream(SCHEDULED_EVENT.getBytes(StandardCharsets.UTF_8)),
                    out,
                    null);
              } catch (Exception e) {
                throw new AssertionError(e);
              }
              return Json.readObject(out.toByteArray());
            });
    Map<String, AttributeValue> item = awaitTheTransaction();
    processor.handle(pipeline.streamOfTable());
    Map<String, Object> result = run.get(30, TimeUnit.SECONDS);
    long after = Instant.now().getEpochSecond();

    assertThat(result).containsEntry("succeeded", true);
    String id = (String) result.get("transaction_id");
    assertThat(id).startsWith(Synthetic.ID_PREFIX).isEqualTo(item.get("transaction_id").s());
    assertThat(Long.parseLong(item.get(TableSchema.EXPIRY).n()))
        .isBetween(before + Synthetic.TTL_SECONDS, after + Synthetic.TTL_SECONDS);
    Map<String, AttributeValue> score = pipeline.tables.scoreItem(id);
    assertThat(score.get("fraud_score").n()).isEqualTo("0.4");
    assertThat(score.get("alert_due").bool()).isTrue();
    assertThat(score.get("alerted").bool()).isFalse();
    assertThat(Long.parseLong(score.get(TableSchema.EXPIRY).n()))
        .isBetween(before + Synthetic.TTL_SECONDS, after + Synthetic.TTL_SECONDS);
    assertThat(pipeline.sns.requests()).as("no alert published").isEmpty();
    assertThat(pipeline.lambda.requests()).singleElement();
    // the only metric line is the check's own
    assertThat(metrics.lines())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .containsEntry(FraudMetrics.CHECK_SUCCEEDED, 1)
                    .containsKey(FraudMetrics.CHECK_LATENCY)
                    .doesNotContainKeys(
                        FraudMetrics.TRANSACTIONS_ACCEPTED, FraudMetrics.TRANSACTIONS_SCORED));
    assertThat(((Number) result.get("latency_ms")).longValue())
        .isEqualTo(((Number) metrics.lines().get(0).get(FraudMetrics.CHECK_LATENCY)).longValue());
  }

  @Test
  void aCheckWhoseTransactionIsNeverScoredFailsWithinItsTimeAndSaysWhy() {
    PipelineCheckHandler check = checkAsDeployed();

    CheckResult result = check.run(Duration.ofMillis(1500));

    assertThat(result.succeeded()).isFalse();
    assertThat(result.reason()).isEqualTo("no score within 1500 ms of the POST");
    assertThat(metrics.sum(FraudMetrics.CHECK_SUCCEEDED)).isZero();
    assertThat(metrics.lines()).singleElement();
  }

  private static final String SCHEDULED_EVENT =
      "{\"version\":\"0\",\"id\":\"e-1\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\","
          + "\"account\":\"123456789012\",\"time\":\"2026-12-08T00:00:00Z\",\"region\":\"us-east-1\","
          + "\"resources\":[\"arn:aws:events:us-east-1:123456789012:rule/check\"],\"detail\":{}}";

  private Map<String, AttributeValue> awaitTheTransaction() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      List<Map<String, AttributeValue>> items = pipeline.tables.transactionItems();
      if (!items.isEmpty()) {
        assertThat(items).hasSize(1);
        return items.get(0);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the check's transaction never reached the table");
  }
}
