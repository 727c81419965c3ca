package io.fraudpipeline.functions.store;

import io.fraudpipeline.functions.contract.TableSchema;
import io.fraudpipeline.functions.model.Transaction;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The transactions table in DynamoDB (hash {@code transaction_id}, range {@code timestamp}). */
public final class DynamoDbTransactionStore implements TransactionStore {

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public DynamoDbTransactionStore(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  @Override
  public Optional<Transaction> find(String transactionId) {
    // the range key is not known to a caller holding only the id: query the hash key
    var response =
        dynamoDb.query(
            q ->
                q.tableName(tableName)
                    .keyConditionExpression("#id = :id")
                    .expressionAttributeNames(Map.of("#id", TableSchema.TRANSACTION_ID))
                    .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(transactionId)))
                    .consistentRead(true)
                    .limit(1));
    return response.items().stream().findFirst().map(TransactionItems::fromItem);
  }

  @Override
  public boolean putIfAbsent(Transaction transaction) {
    return ConditionalPut.putIfAbsent(dynamoDb, tableName, TransactionItems.toItem(transaction));
  }
}
