package io.fraudpipeline.api.v1alpha1;

/** Sizing shared by both functions; each has its own defaults. */
public interface FunctionSettings {

  Integer getMemoryMb();

  Integer getTimeoutSeconds();

  Integer getReservedConcurrency();
}
