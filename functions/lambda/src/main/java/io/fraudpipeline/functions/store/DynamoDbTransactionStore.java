package io.fraudpipeline.functions.store;

import io.fraudpipeline.functions.contract.TableSchema;
import io.fraudpipeline.functions.model.Transaction;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The transactions table in DynamoDB (hash {@code transaction_id}, no range key). */
public final class DynamoDbTransactionStore implements TransactionStore {

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public DynamoDbTransactionStore(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  @Override
  public Optional<Transaction> find(String transactionId) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                g ->
                    g.tableName(tableName)
                        .key(
                            Map.of(TableSchema.TRANSACTION_ID, AttributeValue.fromS(transactionId)))
                        .consistentRead(true))
            .item();
    return item == null || item.isEmpty()
        ? Optional.empty()
        : Optional.of(TransactionItems.fromItem(item));
  }

  @Override
  public Optional<Transaction> putIfAbsent(Transaction transaction, OptionalLong expiry) {
    Map<String, AttributeValue> item = TransactionItems.toItem(transaction);
    expiry.ifPresent(
        seconds -> item.put(TableSchema.EXPIRY, AttributeValue.fromN(Long.toString(seconds))));
    return ConditionalPut.putIfAbsent(dynamoDb, tableName, item).map(TransactionItems::fromItem);
  }
}
