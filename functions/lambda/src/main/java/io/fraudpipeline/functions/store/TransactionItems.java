package io.fraudpipeline.functions.store;

import io.fraudpipeline.functions.contract.TableSchema;
import io.fraudpipeline.functions.model.Transaction;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A transaction as a DynamoDB item, the same shape in the table and in the stream's new image. The
 * amount is an N attribute written from the decimal string.
 */
public final class TransactionItems {

  public static final String AMOUNT = "amount";
  public static final String MERCHANT = "merchant";
  public static final String CURRENCY = "currency";
  public static final String CARD_ID = "card_id";

  private TransactionItems() {}

  public static Map<String, AttributeValue> toItem(Transaction transaction) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(TableSchema.TRANSACTION_ID, AttributeValue.fromS(transaction.transactionId()));
    item.put(TableSchema.TIMESTAMP, AttributeValue.fromN(Long.toString(transaction.timestamp())));
    item.put(AMOUNT, AttributeValue.fromN(transaction.amount().toPlainString()));
    item.put(MERCHANT, AttributeValue.fromS(transaction.merchant()));
    if (transaction.currency() != null) {
      item.put(CURRENCY, AttributeValue.fromS(transaction.currency()));
    }
    if (transaction.cardId() != null) {
      item.put(CARD_ID, AttributeValue.fromS(transaction.cardId()));
    }
    return item;
  }

  /**
   * Reads an item of the transactions table.
   *
   * @throws IllegalArgumentException naming the attribute that is missing or of the wrong type
   */
  public static Transaction fromItem(Map<String, AttributeValue> item) {
    String merchant = optionalS(item, MERCHANT);
    return new Transaction(
        requiredS(item, TableSchema.TRANSACTION_ID),
        parseTimestamp(requiredN(item, TableSchema.TIMESTAMP)),
        parseAmount(requiredN(item, AMOUNT)),
        merchant == null ? Transaction.DEFAULT_MERCHANT : merchant,
        optionalS(item, CURRENCY),
        optionalS(item, CARD_ID));
  }

  private static long parseTimestamp(String n) {
    try {
      return new BigDecimal(n).longValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException(TableSchema.TIMESTAMP + " is not an integer: " + n, e);
    }
  }

  private static BigDecimal parseAmount(String n) {
    try {
      return new BigDecimal(n);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(AMOUNT + " is not a number: " + n, e);
    }
  }

  static String requiredS(Map<String, AttributeValue> item, String name) {
    String value = optionalS(item, name);
    if (value == null) {
      throw new IllegalArgumentException("attribute " + name + " (S) is missing");
    }
    return value;
  }

  static String optionalS(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  static String requiredN(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    if (value == null || value.n() == null) {
      throw new IllegalArgumentException("attribute " + name + " (N) is missing");
    }
    return value.n();
  }
}
