package io.fraudpipeline.functions.testing;

import io.fraudpipeline.dynalite.DynaliteServer;
import io.fraudpipeline.dynalite.FraudTables;
import io.fraudpipeline.functions.contract.TableSchema;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One in-memory Dynalite for the whole test run (it starts in about a second), with fresh tables
 * per test so tests never see each other's items.
 */
public final class LocalDynamo {

  private static DynaliteServer server;
  private static DynamoDbClient client;

  private LocalDynamo() {}

  public static synchronized DynamoDbClient client() {
    if (server == null) {
      server = DynaliteServer.startInMemory();
      client = server.client();
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "dynalite-stop"));
    }
    return client;
  }

  public static synchronized DynaliteServer server() {
    client();
    return server;
  }

  /** Names and creates a transactions table and a fraud scores table of its own. */
  public static Tables freshTables() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Tables tables = new Tables("transactions-" + suffix, "fraud_scores-" + suffix);
    FraudTables.transactions(tables.transactions()).createIn(client());
    FraudTables.fraudScores(tables.scores()).createIn(client());
    return tables;
  }

  public record Tables(String transactions, String scores) {
    public int transactionCount() {
      return count(transactions);
    }

    public int scoreCount() {
      return count(scores);
    }

    /** Every item of the transactions table, read consistently. */
    public List<Map<String, AttributeValue>> transactionItems() {
      return client().scan(s -> s.tableName(transactions).consistentRead(true)).items();
    }

    /** The item of the transactions table under this id; empty when none. */
    public Map<String, AttributeValue> transactionItem(String id) {
      return item(transactions, id);
    }

    /** The item of the scores table under this id; empty when none. */
    public Map<String, AttributeValue> scoreItem(String id) {
      return item(scores, id);
    }

    private static Map<String, AttributeValue> item(String table, String id) {
      return client()
          .getItem(
              g ->
                  g.tableName(table)
                      .key(Map.of(TableSchema.TRANSACTION_ID, AttributeValue.fromS(id)))
                      .consistentRead(true))
          .item();
    }

    private static int count(String table) {
      return client().scan(s -> s.tableName(table).consistentRead(true)).count();
    }
  }
}
