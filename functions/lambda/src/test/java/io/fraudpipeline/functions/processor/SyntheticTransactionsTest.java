package io.fraudpipeline.functions.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.functions.contract.FraudMetrics;
import io.fraudpipeline.functions.contract.Synthetic;
import io.fraudpipeline.functions.contract.TableSchema;
import io.fraudpipeline.functions.json.Json;
import io.fraudpipeline.functions.processor.api.CheckCaller;
import io.fraudpipeline.functions.processor.stream.StreamDispatcher;
import io.fraudpipeline.functions.store.DynamoDbScoreStore;
import io.fraudpipeline.functions.store.DynamoDbTransactionStore;
import io.fraudpipeline.functions.testing.Events;
import io.fraudpipeline.functions.testing.LocalDynamo;
import io.fraudpipeline.functions.testing.Processors;
import io.fraudpipeline.functions.testing.RecordedMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The API's rule for synthetic ids: only the check's role may send them, and they expire. */
class SyntheticTransactionsTest {

  private static final String CHECK_ROLE = "arn:aws:iam::123456789012:role/pipeline-check-prod";
  private static final String CHECK_SESSION =
      "arn:aws:sts::123456789012:assumed-role/pipeline-check-prod/pipeline-check-prod";
  private static final String CLIENT_SESSION =
      "arn:aws:sts::123456789012:assumed-role/payments-client/i-0abc";

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
          CheckCaller.role(CHECK_ROLE),
          metrics.metrics());

  private static String body(String id) {
    return "{\"transaction_id\":\"" + id + "\",\"timestamp\":1765000000,\"amount\":1}";
  }

  private Map<String, Object> post(String id, String caller) {
    Map<String, Object> event = Events.api("POST", "/transactions", body(id));
    return processor.handle(caller == null ? event : Events.fromCaller(event, caller));
  }

  private static Map<String, Object> body(Map<String, Object> response) {
    return Json.readObject(((String) response.get("body")).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aSyntheticIdFromAnyCallerButTheCheckIsRefusedWithA403AndNothingStored() {
    for (String caller : new String[] {null, CLIENT_SESSION}) {
      Map<String, Object> response = post("synthetic-forged", caller);

      assertThat(response.get("statusCode")).isEqualTo(403);
      assertThat(Json.write(body(response)))
          .isEqualTo(
              "{\"errors\":[{\"field\":\"transaction_id\",\"message\":\"ids starting with"
                  + " 'synthetic-' are reserved for the pipeline's own check; use another"
                  + " id\"}]}");
    }
    assertThat(tables.transactionCount()).isZero();
    assertThat(
            metrics.sum(
                FraudMetrics.TRANSACTIONS_REJECTED,
                Map.of(FraudMetrics.REASON, FraudMetrics.REASON_SYNTHETIC_REFUSED)))
        .isEqualTo(2);
  }

  @Test
  void theChecksSyntheticTransactionIsStoredWithAShortTimeToLiveAndNotCounted() {
    long before = Instant.now().getEpochSecond();
    Map<String, Object> response = post("synthetic-1", CHECK_SESSION);
    long after = Instant.now().getEpochSecond();

    assertThat(response.get("statusCode")).isEqualTo(202);
    AttributeValue expiry = tables.transactionItem("synthetic-1").get(TableSchema.EXPIRY);
    assertThat(Long.parseLong(expiry.n()))
        .isBetween(before + Synthetic.TTL_SECONDS, after + Synthetic.TTL_SECONDS);
    assertThat(post("synthetic-1", CHECK_SESSION).get("statusCode")).isEqualTo(200);
    assertThat(metrics.lines()).as("no fraud metric counts the check").isEmpty();
  }

  @Test
  void anOrdinaryTransactionNeverExpiresWhoeverSendsIt() {
    assertThat(post("t-1", CHECK_SESSION).get("statusCode")).isEqualTo(202);
    assertThat(post("t-2", null).get("statusCode")).isEqualTo(202);

    assertThat(tables.transactionItem("t-1")).doesNotContainKey(TableSchema.EXPIRY);
    assertThat(tables.transactionItem("t-2")).doesNotContainKey(TableSchema.EXPIRY);
    assertThat(metrics.sum(FraudMetrics.TRANSACTIONS_ACCEPTED)).isEqualTo(2);
  }
}
