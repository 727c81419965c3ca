package io.fraudpipeline.functions.model;

import io.fraudpipeline.functions.json.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event the processor sends the scorer (asynchronous Lambda invoke), defined here only. The
 * amount travels as a decimal string so no JSON reader on the way can turn it into a double:
 *
 * <pre>{"transaction_id":"t-1","timestamp":1700000000,"amount":"5000.00","merchant":"Amazon",
 * "currency":"EUR","card_id":"c-9"}</pre>
 */
public final class ScoringPayload {

  static final String TRANSACTION_ID = "transaction_id";
  static final String TIMESTAMP = "timestamp";
  static final String AMOUNT = "amount";
  static final String MERCHANT = "merchant";
  static final String CURRENCY = "currency";
  static final String CARD_ID = "card_id";

  private ScoringPayload() {}

  public static byte[] toJson(Transaction transaction) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put(TRANSACTION_ID, transaction.transactionId());
    payload.put(TIMESTAMP, transaction.timestamp());
    payload.put(AMOUNT, transaction.amount().toPlainString());
    payload.put(MERCHANT, transaction.merchant());
    if (transaction.currency() != null) {
      payload.put(CURRENCY, transaction.currency());
    }
    if (transaction.cardId() != null) {
      payload.put(CARD_ID, transaction.cardId());
    }
    return Json.writeBytes(payload);
  }

  /**
   * Reads a payload written by {@link #toJson}.
   *
   * @throws IllegalArgumentException naming the field that is missing or malformed
   */
  public static Transaction fromJson(byte[] json) {
    Map<String, Object> payload;
    try {
      payload = Json.readObject(json);
    } catch (Json.JsonInputException e) {
      throw new IllegalArgumentException("scoring payload " + e.getMessage(), e);
    }
    String id = text(payload, TRANSACTION_ID, true);
    Object timestamp = payload.get(TIMESTAMP);
    if (!(timestamp instanceof Number number) || new BigDecimal(number.toString()).scale() > 0) {
      throw new IllegalArgumentException("scoring payload: timestamp must be an integer");
    }
    BigDecimal amount;
    try {
      amount = new BigDecimal(text(payload, AMOUNT, true));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("scoring payload: amount must be a decimal string", e);
    }
    String merchant = text(payload, MERCHANT, false);
    return new Transaction(
        id,
        number(timestamp),
        amount,
        merchant == null ? Transaction.DEFAULT_MERCHANT : merchant,
        text(payload, CURRENCY, false),
        text(payload, CARD_ID, false));
  }

  private static long number(Object timestamp) {
    return new BigDecimal(timestamp.toString()).longValueExact();
  }

  private static String text(Map<String, Object> payload, String field, boolean required) {
    Object value = payload.get(field);
    if (value == null && !required) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw new IllegalArgumentException(
          "scoring payload: " + field + " must be a string" + (required ? " and is required" : ""));
    }
    return text;
  }

  /** For logs of a payload that could not be read. */
  public static String preview(byte[] json) {
    String text = new String(json, StandardCharsets.UTF_8);
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }
}
