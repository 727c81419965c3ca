package io.fraudpipeline.functions.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.functions.contract.FraudMetrics;
import io.fraudpipeline.functions.processor.stream.StreamDispatcher;
import io.fraudpipeline.functions.store.DynamoDbScoreStore;
import io.fraudpipeline.functions.store.DynamoDbTransactionStore;
import io.fraudpipeline.functions.testing.EmfSpec;
import io.fraudpipeline.functions.testing.Events;
import io.fraudpipeline.functions.testing.LocalDynamo;
import io.fraudpipeline.functions.testing.Processors;
import io.fraudpipeline.functions.testing.RecordedMetrics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every POST the API answers is counted once, in one EMF line, under the pipeline. */
class ProcessorMetricsTest {

  private final RecordedMetrics metrics = new RecordedMetrics();
  private final LocalDynamo.Tables tables = LocalDynamo.freshTables();
  private final TransactionProcessorHandler processor =
      Processors.over(
          new DynamoDbTransactionStore(LocalDynamo.client(), tables.transactions()),
          new DynamoDbScoreStore(LocalDynamo.client(), tables.scores()),
          StreamDispatcher.withConcurrency(
              t -> {
                throw new AssertionError("the API never invokes the scorer");
              },
              1),
          metrics.metrics());

  private int post(String body, String contentType) {
    Map<String, Object> event = new HashMap<>(Events.api("POST", "/transactions", body));
    event.put("headers", Map.of("Content-Type", contentType));
    return ((Number) processor.handle(event).get("statusCode")).intValue();
  }

  private int post(String body) {
    return post(body, "application/json");
  }

  @Test
  void acceptedDuplicateAndEachReasonForRefusalAreCounted() {
    String t1 = "{\"transaction_id\":\"m-1\",\"timestamp\":1765000000,\"amount\":10}";
    assertThat(post(t1)).isEqualTo(202);
    assertThat(post(t1)).isEqualTo(200);
    assertThat(post("{\"transaction_id\":\"m-1\",\"timestamp\":1765000000,\"amount\":11}"))
        .isEqualTo(409);
    assertThat(post("{\"amount\":-1}")).isEqualTo(400);
    assertThat(post("x".repeat(70_000))).isEqualTo(413);
    assertThat(post(t1, "text/plain")).isEqualTo(415);
    assertThat(processor.handle(Events.getTransaction("m-1")).get("statusCode")).isEqualTo(200);

    assertThat(metrics.lines()).hasSize(6).allSatisfy(EmfSpec::check);
    assertThat(metrics.lines())
        .allSatisfy(line -> assertThat(line).containsEntry("Pipeline", RecordedMetrics.PIPELINE));
    assertThat(metrics.sum(FraudMetrics.TRANSACTIONS_ACCEPTED)).isEqualTo(1);
    assertThat(metrics.sum(FraudMetrics.DUPLICATE_DELIVERIES)).isEqualTo(1);
    assertThat(metrics.sum(FraudMetrics.TRANSACTIONS_REJECTED)).isEqualTo(4);
    for (String reason :
        List.of(
            FraudMetrics.REASON_CONFLICT,
            FraudMetrics.REASON_INVALID_BODY,
            FraudMetrics.REASON_TOO_LARGE,
            FraudMetrics.REASON_NOT_JSON)) {
      assertThat(
              metrics.sum(FraudMetrics.TRANSACTIONS_REJECTED, Map.of(FraudMetrics.REASON, reason)))
          .as(reason)
          .isEqualTo(1);
    }
  }

  @Test
  void aRefusalIsRecordedUnderThePipelineAndUnderItsReason() {
    post("{}");

    @SuppressWarnings("unchecked")
    Map<String, Object> directive =
        ((List<Map<String, Object>>)
                ((Map<String, Object>) metrics.lines().get(0).get("_aws")).get("CloudWatchMetrics"))
            .get(0);
    assertThat(directive)
        .containsEntry("Namespace", FraudMetrics.NAMESPACE)
        .containsEntry("Dimensions", List.of(List.of("Pipeline"), List.of("Pipeline", "Reason")));
  }
}
