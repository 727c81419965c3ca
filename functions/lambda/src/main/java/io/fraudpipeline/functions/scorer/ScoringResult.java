package io.fraudpipeline.functions.scorer;

import io.fraudpipeline.functions.model.FraudScore;

/**
 * What one delivery did: whether it stored the score (false for a repeated delivery, which finds
 * the first score), whether it published the alert, and the milliseconds from the transaction's
 * timestamp to this delivery's scoring.
 */
public record ScoringResult(
    FraudScore score, boolean stored, boolean published, long latencyMillis) {}
