package io.fraudpipeline.functions.store;

import io.fraudpipeline.functions.contract.TableSchema;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/** The write both tables use: put an item only where its key holds none, never overwrite. */
final class ConditionalPut {

  private ConditionalPut() {}

  /**
   * @return empty when the item was written; otherwise the item that holds the key, which is left
   *     as it was
   */
  static Optional<Map<String, AttributeValue>> putIfAbsent(
      DynamoDbClient dynamoDb, String tableName, Map<String, AttributeValue> item) {
    try {
      dynamoDb.putItem(
          p ->
              p.tableName(tableName)
                  .item(item)
                  .conditionExpression("attribute_not_exists(#id)")
                  .expressionAttributeNames(Map.of("#id", TableSchema.TRANSACTION_ID))
                  .returnValuesOnConditionCheckFailure(
                      ReturnValuesOnConditionCheckFailure.ALL_OLD));
      return Optional.empty();
    } catch (ConditionalCheckFailedException taken) {
      if (taken.hasItem() && !taken.item().isEmpty()) {
        return Optional.of(taken.item());
      }
      // engines without ReturnValuesOnConditionCheckFailure (Dynalite): items are never changed
      // once written, so reading the key afterwards sees the item that failed the condition
      Map<String, AttributeValue> key =
          Map.of(TableSchema.TRANSACTION_ID, item.get(TableSchema.TRANSACTION_ID));
      return Optional.of(
          dynamoDb.getItem(g -> g.tableName(tableName).key(key).consistentRead(true)).item());
    }
  }
}
