package io.fraudpipeline.operator.crossplane.kinds;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespaced;

/**
 * A Crossplane managed resource, schemaless: the provider CRDs are the schema, and the tests
 * validate every object against them. One subclass per kind gives each kind its own typed client
 * and informer, so two kinds with objects of the same name never mix.
 */
public abstract class ManagedResource extends GenericKubernetesResource implements Namespaced {}
