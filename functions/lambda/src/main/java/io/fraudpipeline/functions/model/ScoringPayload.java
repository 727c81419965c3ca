package io.fraudpipeline.functions.model;

import io.fraudpipeline.functions.json.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The event the processor sends the scorer (asynchronous Lambda invoke), defined here only: the
 * inserts of one stream batch, so a batch costs one invoke rather than one per record. The amount
 * travels as a decimal string so no JSON reader on the way can turn it into a double:
 *
 * <pre>{"transactions":[{"transaction_id":"t-1","timestamp":1700000000,"amount":"5000.00",
 * "merchant":"Amazon","currency":"EUR","card_id":"c-9"}, ...]}</pre>
 *
 * A single transaction object (the same fields at the top level) is read as a batch of one, so an
 * event written by hand or redriven from a dead-letter queue in that form still scores.
 */
public final class ScoringPayload {

  static final String TRANSACTIONS = "transactions";

  /**
   * Lambda's limit for an asynchronous invoke's payload is 256 KiB; a batch is split into events
   * below it, with room for the request's own overhead.
   */
  public static final int MAX_EVENT_BYTES = 250 * 1024;

  /**
   * At most this many transactions per event, so one invocation's work stays well inside the
   * scorer's timeout (a batch of 100, the default, is one event).
   */
  public static final int MAX_EVENT_TRANSACTIONS = 100;

  static final String TRANSACTION_ID = "transaction_id";
  static final String TIMESTAMP = "timestamp";
  static final String AMOUNT = "amount";
  static final String MERCHANT = "merchant";
  static final String CURRENCY = "currency";
  static final String CARD_ID = "card_id";

  private ScoringPayload() {}

  public static byte[] toJson(List<Transaction> transactions) {
    List<Map<String, Object>> items = new ArrayList<>(transactions.size());
    for (Transaction transaction : transactions) {
      items.add(fields(transaction));
    }
    return Json.writeBytes(Map.of(TRANSACTIONS, items));
  }

  /** The size one transaction adds to an event: its object and a separating comma. */
  public static int encodedSize(Transaction transaction) {
    return Json.writeBytes(fields(transaction)).length + 1;
  }

  /** The size of an event holding no transaction. */
  public static int emptySize() {
    return toJson(List.of()).length;
  }

  private static Map<String, Object> fields(Transaction transaction) {
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
    return payload;
  }

  /**
   * Reads an event written by {@link #toJson}, or a single transaction object.
   *
   * @throws IllegalArgumentException naming the field that is missing or malformed
   */
  public static List<Transaction> fromJson(byte[] json) {
    Map<String, Object> payload;
    try {
      payload = Json.readObject(json);
    } catch (Json.JsonInputException e) {
      throw new IllegalArgumentException("scoring payload " + e.getMessage(), e);
    }
    if (!payload.containsKey(TRANSACTIONS)) {
      return List.of(transaction(payload, ""));
    }
    if (!(payload.get(TRANSACTIONS) instanceof List<?> items)) {
      throw new IllegalArgumentException("scoring payload: transactions must be an array");
    }
    List<Transaction> transactions = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof Map<?, ?> item)) {
        throw new IllegalArgumentException(
            "scoring payload: transactions[" + i + "] must be an object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> fields = (Map<String, Object>) item;
      transactions.add(transaction(fields, "transactions[" + i + "]."));
    }
    return transactions;
  }

  private static Transaction transaction(Map<String, Object> payload, String where) {
    String id = text(payload, where, TRANSACTION_ID, true);
    Object timestamp = payload.get(TIMESTAMP);
    if (!(timestamp instanceof Number number) || new BigDecimal(number.toString()).scale() > 0) {
      throw new IllegalArgumentException(
          "scoring payload: " + where + TIMESTAMP + " must be an integer");
    }
    BigDecimal amount;
    try {
      amount = new BigDecimal(text(payload, where, AMOUNT, true));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "scoring payload: " + where + AMOUNT + " must be a decimal string", e);
    }
    String merchant = text(payload, where, MERCHANT, false);
    return new Transaction(
        id,
        number(timestamp),
        amount,
        merchant == null ? Transaction.DEFAULT_MERCHANT : merchant,
        text(payload, where, CURRENCY, false),
        text(payload, where, CARD_ID, false));
  }

  private static long number(Object timestamp) {
    return new BigDecimal(timestamp.toString()).longValueExact();
  }

  private static String text(
      Map<String, Object> payload, String where, String field, boolean required) {
    Object value = payload.get(field);
    if (value == null && !required) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw new IllegalArgumentException(
          "scoring payload: "
              + where
              + field
              + " must be a string"
              + (required ? " and is required" : ""));
    }
    return text;
  }

  /**
   * The transaction ids an event names, read leniently (for dead letters, whose event may be
   * malformed): those with a string {@code transaction_id}, in order.
   */
  public static List<String> transactionIds(Map<String, Object> event) {
    List<?> items = event.get(TRANSACTIONS) instanceof List<?> list ? list : List.of(event);
    List<String> ids = new ArrayList<>();
    for (Object item : items) {
      if (item instanceof Map<?, ?> fields && fields.get(TRANSACTION_ID) instanceof String id) {
        ids.add(id);
      }
    }
    return ids;
  }

  /** For logs of a payload that could not be read. */
  public static String preview(byte[] json) {
    String text = new String(json, StandardCharsets.UTF_8);
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }
}
