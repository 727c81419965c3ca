package io.fraudpipeline.functions.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A transaction as accepted by the API and stored in the transactions table. The amount is an exact
 * decimal; {@code currency} and {@code cardId} are optional (null when absent).
 */
public record Transaction(
    String transactionId,
    long timestamp,
    BigDecimal amount,
    String merchant,
    String currency,
    String cardId) {

  /**
   * The merchant recorded when a request names none (the API contract's default): a default
   * high-risk term, so such a transaction scores +0.4.
   */
  public static final String DEFAULT_MERCHANT = "unknown";

  public Transaction {
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(merchant, "merchant");
  }

  /**
   * Whether {@code other} is the same transaction sent again: equal fields, amounts compared as
   * numbers (so 5000 and 5000.00 match, as DynamoDB stores both alike).
   */
  public boolean sameAs(Transaction other) {
    return transactionId.equals(other.transactionId)
        && timestamp == other.timestamp
        && amount.compareTo(other.amount) == 0
        && merchant.equals(other.merchant)
        && Objects.equals(currency, other.currency)
        && Objects.equals(cardId, other.cardId);
  }
}
