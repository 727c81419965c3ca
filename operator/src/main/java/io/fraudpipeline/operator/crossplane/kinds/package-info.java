/**
 * One schemaless class per Crossplane kind the operator emits; their annotations are the single
 * definition of group, version, kind and plural.
 */
package io.fraudpipeline.operator.crossplane.kinds;
