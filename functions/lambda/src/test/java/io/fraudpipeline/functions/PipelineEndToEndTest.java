package io.fraudpipeline.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.functions.json.Json;
import io.fraudpipeline.functions.processor.TransactionProcessorHandler;
import io.fraudpipeline.functions.processor.api.CheckCaller;
import io.fraudpipeline.functions.scorer.ScoringConfig;
import io.fraudpipeline.functions.testing.Events;
import io.fraudpipeline.functions.testing.LocalDynamo;
import io.fraudpipeline.functions.testing.LoopbackPipeline;
import io.fraudpipeline.functions.testing.StubAwsEndpoint;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole path a transaction takes: API, table, stream (Dynalite has none, so the test reads the
 * written items and delivers them as stream records), asynchronous invoke (the Lambda endpoint
 * hands the payload to the scorer handler), score, alert, and the GET that shows the score. A
 * replayed stream batch changes nothing.
 */
class PipelineEndToEndTest {

  private final LoopbackPipeline pipeline =
      new LoopbackPipeline(ScoringConfig.defaults(), CheckCaller.none());
  private final TransactionProcessorHandler processor = pipeline.processor;
  private final StubAwsEndpoint lambda = pipeline.lambda;
  private final StubAwsEndpoint sns = pipeline.sns;
  private final LocalDynamo.Tables tables = pipeline.tables;

  @AfterEach
  void stop() {
    pipeline.close();
  }

  @Test
  void aTransactionIsAcceptedScoredAlertedAndShownOnce() {
    post(
        "{\"transaction_id\":\"e2e-1\",\"timestamp\":1700000000,\"amount\":15000.50,\"merchant\":\"CryptoMart\"}");
    post(
        "{\"transaction_id\":\"e2e-2\",\"timestamp\":1700000001,\"amount\":12.34,\"merchant\":\"Bakery\"}");
    Map<String, Object> batch = pipeline.streamOfTable();

    Map<String, Object> first = processor.handle(batch);
    Map<String, Object> replay = processor.handle(batch);

    assertThat(first.get("batchItemFailures")).asList().isEmpty();
    assertThat(replay.get("batchItemFailures")).asList().isEmpty();
    // one scorer event per batch, delivered again with the replayed batch
    assertThat(lambda.requests())
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.body()).contains("\"e2e-1\"").contains("\"e2e-2\""));
    assertThat(tables.scoreCount()).isEqualTo(2);
    assertThat(sns.requests())
        .singleElement()
        .satisfies(r -> assertThat(r.form().get("Message")).contains("e2e-1"));

    Map<String, Object> alerted = get("e2e-1");
    assertThat(alerted).containsEntry("status", "scored").containsEntry("alerted", true);
    assertThat(new BigDecimal(alerted.get("fraud_score").toString())).isEqualByComparingTo("0.9");
    assertThat(alerted.get("amount").toString()).isEqualTo("15000.5");
    Map<String, Object> calm = get("e2e-2");
    assertThat(calm).containsEntry("alerted", false);
    assertThat(new BigDecimal(calm.get("fraud_score").toString())).isEqualByComparingTo("0");
  }

  private void post(String body) {
    Map<String, Object> response = processor.handle(Events.api("POST", "/transactions", body));
    assertThat(response.get("statusCode")).isEqualTo(202);
  }

  private Map<String, Object> get(String id) {
    Map<String, Object> response = processor.handle(Events.getTransaction(id));
    assertThat(response.get("statusCode")).isEqualTo(200);
    return Json.readObject(((String) response.get("body")).getBytes(StandardCharsets.UTF_8));
  }
}
