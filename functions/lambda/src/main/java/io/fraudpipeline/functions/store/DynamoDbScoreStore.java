package io.fraudpipeline.functions.store;

import io.fraudpipeline.functions.contract.TableSchema;
import io.fraudpipeline.functions.model.FraudScore;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The fraud scores table in DynamoDB (hash {@code transaction_id}, TTL on {@code expiry}). */
public final class DynamoDbScoreStore implements ScoreStore {

  public static final String FRAUD_SCORE = "fraud_score";
  public static final String SCORED_AT = "scored_at";
  public static final String ALERT_DUE = "alert_due";
  public static final String ALERTED = "alerted";

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public DynamoDbScoreStore(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  @Override
  public Optional<FraudScore> find(String transactionId) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(g -> g.tableName(tableName).key(key(transactionId)).consistentRead(true))
            .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
  }

  @Override
  public boolean putIfAbsent(FraudScore score) {
    return ConditionalPut.putIfAbsent(dynamoDb, tableName, toItem(score)).isEmpty();
  }

  @Override
  public boolean claimAlert(String transactionId) {
    return setAlerted(transactionId, true);
  }

  @Override
  public void releaseAlert(String transactionId) {
    setAlerted(transactionId, false);
  }

  /** Flips {@code alerted} only from the opposite value, so exactly one caller wins a claim. */
  private boolean setAlerted(String transactionId, boolean alerted) {
    try {
      dynamoDb.updateItem(
          u ->
              u.tableName(tableName)
                  .key(key(transactionId))
                  .updateExpression("SET #alerted = :to")
                  .conditionExpression("attribute_exists(#id) AND #alerted = :from")
                  .expressionAttributeNames(
                      Map.of("#id", TableSchema.TRANSACTION_ID, "#alerted", ALERTED))
                  .expressionAttributeValues(
                      Map.of(
                          ":to", AttributeValue.fromBool(alerted),
                          ":from", AttributeValue.fromBool(!alerted))));
      return true;
    } catch (ConditionalCheckFailedException lost) {
      return false;
    }
  }

  private static Map<String, AttributeValue> key(String transactionId) {
    return Map.of(TableSchema.TRANSACTION_ID, AttributeValue.fromS(transactionId));
  }

  static Map<String, AttributeValue> toItem(FraudScore score) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(TableSchema.TRANSACTION_ID, AttributeValue.fromS(score.transactionId()));
    item.put(FRAUD_SCORE, AttributeValue.fromN(score.score().toPlainString()));
    item.put(TableSchema.TIMESTAMP, AttributeValue.fromN(Long.toString(score.timestamp())));
    item.put(TransactionItems.AMOUNT, AttributeValue.fromN(score.amount().toPlainString()));
    item.put(TransactionItems.MERCHANT, AttributeValue.fromS(score.merchant()));
    item.put(SCORED_AT, AttributeValue.fromN(Long.toString(score.scoredAt())));
    item.put(TableSchema.EXPIRY, AttributeValue.fromN(Long.toString(score.expiry())));
    item.put(ALERT_DUE, AttributeValue.fromBool(score.alertDue()));
    item.put(ALERTED, AttributeValue.fromBool(score.alerted()));
    return item;
  }

  static FraudScore fromItem(Map<String, AttributeValue> item) {
    return new FraudScore(
        TransactionItems.requiredS(item, TableSchema.TRANSACTION_ID),
        new BigDecimal(TransactionItems.requiredN(item, FRAUD_SCORE)),
        Long.parseLong(TransactionItems.requiredN(item, TableSchema.TIMESTAMP)),
        new BigDecimal(TransactionItems.requiredN(item, TransactionItems.AMOUNT)),
        TransactionItems.requiredS(item, TransactionItems.MERCHANT),
        Long.parseLong(TransactionItems.requiredN(item, SCORED_AT)),
        Long.parseLong(TransactionItems.requiredN(item, TableSchema.EXPIRY)),
        bool(item, ALERT_DUE),
        bool(item, ALERTED));
  }

  private static boolean bool(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value != null && Boolean.TRUE.equals(value.bool());
  }
}
