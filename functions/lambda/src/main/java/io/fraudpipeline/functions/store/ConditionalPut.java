package io.fraudpipeline.functions.store;

import io.fraudpipeline.functions.contract.TableSchema;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The write both tables use: put an item only where its key holds none, never overwrite. */
final class ConditionalPut {

  private ConditionalPut() {}

  /**
   * @return false when an item with the same key exists; nothing is written then
   */
  static boolean putIfAbsent(
      DynamoDbClient dynamoDb, String tableName, Map<String, AttributeValue> item) {
    try {
      dynamoDb.putItem(
          p ->
              p.tableName(tableName)
                  .item(item)
                  .conditionExpression("attribute_not_exists(#id)")
                  .expressionAttributeNames(Map.of("#id", TableSchema.TRANSACTION_ID)));
      return true;
    } catch (ConditionalCheckFailedException taken) {
      return false;
    }
  }
}
