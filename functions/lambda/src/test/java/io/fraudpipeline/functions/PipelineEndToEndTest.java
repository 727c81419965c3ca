package io.fraudpipeline.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.functions.json.Json;
import io.fraudpipeline.functions.processor.TransactionProcessorHandler;
import io.fraudpipeline.functions.processor.stream.StreamDispatcher;
import io.fraudpipeline.functions.scorer.FraudScorer;
import io.fraudpipeline.functions.scorer.FraudScorerHandler;
import io.fraudpipeline.functions.scorer.ScoringConfig;
import io.fraudpipeline.functions.scorer.SnsAlertPublisher;
import io.fraudpipeline.functions.store.DynamoDbScoreStore;
import io.fraudpipeline.functions.store.DynamoDbTransactionStore;
import io.fraudpipeline.functions.testing.Events;
import io.fraudpipeline.functions.testing.LocalDynamo;
import io.fraudpipeline.functions.testing.Processors;
import io.fraudpipeline.functions.testing.RecordedMetrics;
import io.fraudpipeline.functions.testing.StubAwsEndpoint;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The whole path a transaction takes: API, table, stream (Dynalite has none, so the test reads the
 * written items and delivers them as stream records), asynchronous invoke (the Lambda endpoint
 * hands the payload to the scorer handler), score, alert, and the GET that shows the score. A
 * replayed stream batch changes nothing.
 */
class PipelineEndToEndTest {

  private final RecordedMetrics metrics = new RecordedMetrics();
  private final LocalDynamo.Tables tables = LocalDynamo.freshTables();
  private final StubAwsEndpoint sns = new StubAwsEndpoint(StubAwsEndpoint::snsPublished);
  private final FraudScorerHandler scorer =
      new FraudScorerHandler(
          new FraudScorer(
              ScoringConfig.defaults(),
              new DynamoDbScoreStore(LocalDynamo.client(), tables.scores()),
              new SnsAlertPublisher(sns.snsClient(), "arn:aws:sns:us-east-1:1:alerts"),
              Clock.systemUTC()),
          metrics.metrics());
  private final StubAwsEndpoint lambda =
      new StubAwsEndpoint(
          request -> {
            scorer.handle(request.body().getBytes(StandardCharsets.UTF_8));
            return StubAwsEndpoint.lambdaAccepted(request);
          });
  private final TransactionProcessorHandler processor =
      Processors.over(
          new DynamoDbTransactionStore(LocalDynamo.client(), tables.transactions()),
          new DynamoDbScoreStore(LocalDynamo.client(), tables.scores()),
          StreamDispatcher.withConcurrency(lambda.scorerInvoker("fraud-scorer"), 4),
          metrics.metrics());

  @AfterEach
  void stop() {
    sns.close();
    lambda.close();
  }

  @Test
  void aTransactionIsAcceptedScoredAlertedAndShownOnce() {
    post(
        "{\"transaction_id\":\"e2e-1\",\"timestamp\":1700000000,\"amount\":15000.50,\"merchant\":\"CryptoMart\"}");
    post(
        "{\"transaction_id\":\"e2e-2\",\"timestamp\":1700000001,\"amount\":12.34,\"merchant\":\"Bakery\"}");
    Map<String, Object> batch = streamOfTable();

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

  /** What DynamoDB Streams would deliver for the items now in the transactions table. */
  private Map<String, Object> streamOfTable() {
    List<Map<String, Object>> records = new ArrayList<>();
    int sequence = 1;
    for (Map<String, AttributeValue> item :
        LocalDynamo.client().scan(s -> s.tableName(tables.transactions())).items()) {
      Map<String, Object> image = new LinkedHashMap<>();
      item.forEach(
          (name, value) ->
              image.put(name, value.s() != null ? Map.of("S", value.s()) : Map.of("N", value.n())));
      records.add(Events.streamRecord("INSERT", Integer.toString(sequence++), image));
    }
    return Events.streamBatch(records);
  }
}
