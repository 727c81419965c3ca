package io.fraudpipeline.local.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudpipeline.dynalite.DynaliteServer;
import io.fraudpipeline.dynalite.FraudTables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

/** The stream emulation against Dynalite: only successful puts to the table become records. */
class StreamCaptureTest {

  private static final String TABLE = "transactions-capture";
  private static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/x/stream/1";
  private static DynaliteServer dynalite;
  private static DynamoDbClient client;
  private static final ShardLog log = new ShardLog();

  @BeforeAll
  static void start() {
    dynalite = DynaliteServer.startInMemory();
    try (DynamoDbClient admin = dynalite.client()) {
      FraudTables.transactions(TABLE).createIn(admin);
      FraudTables.fraudScores("fraud_scores-capture").createIn(admin);
    }
    StreamCapture capture =
        new StreamCapture(
            TABLE,
            FraudTables.transactions(TABLE).keyAttributes(),
            ARN,
            log,
            Clock.fixed(Instant.ofEpochSecond(1_700_000_123), ZoneOffset.UTC));
    client =
        DynamoDbClient.builder()
            .endpointOverride(dynalite.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("l", "l")))
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(c -> c.addExecutionInterceptor(capture))
            .build();
  }

  @AfterAll
  static void stop() {
    client.close();
    dynalite.close();
  }

  private static Map<String, AttributeValue> item(String id, String amount) {
    return Map.of(
        "transaction_id", AttributeValue.fromS(id),
        "timestamp", AttributeValue.fromN("1700000000"),
        "amount", AttributeValue.fromN(amount),
        "merchant", AttributeValue.fromS("Shop"));
  }

  private static PutItemResponse putIfAbsent(Map<String, AttributeValue> item) {
    return client.putItem(
        p ->
            p.tableName(TABLE)
                .item(item)
                .conditionExpression("attribute_not_exists(transaction_id)"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aSuccessfulPutBecomesAnInsertRecordAndAFailedOneNothing() throws Exception {
    PutItemResponse response = putIfAbsent(item("cap-1", "12.50"));
    assertThatThrownBy(() -> putIfAbsent(item("cap-1", "99")))
        .isInstanceOf(ConditionalCheckFailedException.class);
    client.putItem(p -> p.tableName("fraud_scores-capture").item(item("cap-1", "1")));

    // the caller sees the response it asked for, without the old image the capture asked for
    assertThat(response.hasAttributes()).isFalse();
    List<ShardRecord> records = log.take(10, Duration.ofMillis(100));
    assertThat(records).hasSize(1);
    ShardRecord record = records.get(0);
    assertThat(record.isInsert()).isTrue();
    Map<String, Object> json = record.json();
    assertThat(json)
        .containsEntry("eventName", "INSERT")
        .containsEntry("eventSource", "aws:dynamodb")
        .containsEntry("eventSourceARN", ARN);
    Map<String, Object> dynamodb = (Map<String, Object>) json.get("dynamodb");
    assertThat(dynamodb)
        .containsEntry("StreamViewType", "NEW_IMAGE")
        .containsEntry("SequenceNumber", record.sequenceNumber())
        .containsEntry("ApproximateCreationDateTime", 1_700_000_123L)
        .containsEntry("Keys", Map.of("transaction_id", Map.of("S", "cap-1")));
    assertThat((Map<String, Object>) dynamodb.get("NewImage"))
        .containsEntry("amount", Map.of("N", "12.50"))
        .containsEntry("merchant", Map.of("S", "Shop"));
  }

  @Test
  void anOverwriteIsAModifyAndSequenceNumbersGrow() throws Exception {
    putIfAbsent(item("cap-2", "1"));
    client.putItem(p -> p.tableName(TABLE).item(item("cap-2", "2")));

    List<ShardRecord> records = log.take(10, Duration.ofMillis(100));
    assertThat(records).extracting(ShardRecord::eventName).containsExactly("INSERT", "MODIFY");
    assertThat(records.get(0).sequenceNumber()).isLessThan(records.get(1).sequenceNumber());
  }
}
