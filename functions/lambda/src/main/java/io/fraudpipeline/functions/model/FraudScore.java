package io.fraudpipeline.functions.model;

import java.math.BigDecimal;

/**
 * The stored score of one transaction. {@code alertDue} says the score is above the threshold;
 * {@code alerted} that the alert has been claimed for publishing (set before the publish, so two
 * deliveries of the same transaction cannot both publish).
 */
public record FraudScore(
    String transactionId,
    BigDecimal score,
    long timestamp,
    BigDecimal amount,
    String merchant,
    long scoredAt,
    long expiry,
    boolean alertDue,
    boolean alerted) {}
