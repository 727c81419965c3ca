package io.fraudpipeline.operator.ack.kinds;

import io.fraudpipeline.operator.crossplane.kinds.ManagedResource;

/**
 * An ACK resource, schemaless like the Crossplane ones (the vendored ACK CRDs are the schema, and
 * tests validate every object against them); it shares their base so both backends' objects go
 * through the same informers, writer and matcher.
 */
public abstract class AckResource extends ManagedResource {}
