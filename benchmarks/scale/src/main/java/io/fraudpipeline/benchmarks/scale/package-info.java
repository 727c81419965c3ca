/** The scale benchmark of record: the operator, the floor and kro on one real control plane. */
package io.fraudpipeline.benchmarks.scale;
