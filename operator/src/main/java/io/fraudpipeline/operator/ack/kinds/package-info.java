/**
 * One schemaless class per ACK kind the operator emits; their annotations are the single definition
 * of group, version, kind and plural.
 */
package io.fraudpipeline.operator.ack.kinds;
