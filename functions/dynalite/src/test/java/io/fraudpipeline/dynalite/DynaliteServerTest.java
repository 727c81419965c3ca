package io.fraudpipeline.dynalite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudpipeline.functions.contract.TableSchema;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class DynaliteServerTest {

  @Test
  void createsBothTablesWithTheContractKeySchema() {
    try (DynaliteServer server = DynaliteServer.startInMemory();
        DynamoDbClient client = server.client()) {
      TableDefinition transactions = FraudTables.transactions("transactions-test");
      TableDefinition scores = FraudTables.fraudScores("fraud_scores-test");

      assertThat(transactions.createIn(client)).isFalse();
      // Dynalite has no UpdateTimeToLive: the definition says so instead of failing
      assertThat(scores.createIn(client)).isFalse();
      assertThat(scores.ttlAttribute()).contains(TableSchema.EXPIRY);

      TableDescription tx = client.describeTable(b -> b.tableName("transactions-test")).table();
      assertThat(tx.keySchema())
          .extracting(k -> k.attributeName() + ":" + k.keyType())
          .containsExactly(TableSchema.TRANSACTION_ID + ":" + KeyType.HASH);
      assertThat(transactions.createTable().streamSpecification().streamViewType())
          .isEqualTo(StreamViewType.NEW_IMAGE);
      TableDescription fs = client.describeTable(b -> b.tableName("fraud_scores-test")).table();
      assertThat(fs.keySchema())
          .extracting(k -> k.attributeName() + ":" + k.keyType())
          .containsExactly(TableSchema.TRANSACTION_ID + ":" + KeyType.HASH);
    }
  }

  @Test
  void persistentStoreKeepsItemsAcrossRestarts(@TempDir Path data) {
    Map<String, AttributeValue> key = Map.of("transaction_id", AttributeValue.fromS("t-1"));
    try (DynaliteServer server = DynaliteServer.startPersistent(data);
        DynamoDbClient client = server.client()) {
      FraudTables.fraudScores("scores").createIn(client);
      client.putItem(b -> b.tableName("scores").item(key));
    }
    try (DynaliteServer server = DynaliteServer.startPersistent(data);
        DynamoDbClient client = server.client()) {
      // creating again is harmless and keeps the data
      FraudTables.fraudScores("scores").createIn(client);
      assertThat(client.getItem(b -> b.tableName("scores").key(key)).item()).isEqualTo(key);
    }
  }

  @Test
  void stopsTheProcessOnClose() {
    DynaliteServer server = DynaliteServer.startInMemory();
    assertThat(server.isRunning()).isTrue();
    server.close();
    assertThat(server.isRunning()).isFalse();
  }

  @Test
  void saysWhereDynaliteIsMissing(@TempDir Path empty) {
    String previous = System.getProperty(DynaliteServer.MODULES_PROPERTY);
    System.setProperty(DynaliteServer.MODULES_PROPERTY, empty.toString());
    try {
      assertThatThrownBy(DynaliteServer::startInMemory)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Dynalite is not installed")
          .hasMessageContaining(empty.toString());
    } finally {
      if (previous == null) {
        System.clearProperty(DynaliteServer.MODULES_PROPERTY);
      } else {
        System.setProperty(DynaliteServer.MODULES_PROPERTY, previous);
      }
    }
  }
}
