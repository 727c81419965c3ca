package io.fraudpipeline.functions.scorer;

import io.fraudpipeline.functions.model.FraudScore;

/**
 * What one delivery did: whether it stored the score (false for a repeated delivery, which finds
 * the first score) and whether it published the alert.
 */
public record ScoringResult(FraudScore score, boolean stored, boolean published) {}
