package io.fraudpipeline.operator.model;

/**
 * One field of an object that does not hold what is wanted: its path ({@code
 * spec.forProvider.memorySize}), the value it holds (null when unset) and the value wanted.
 */
public record FieldChange(String path, Object before, Object after) {}
