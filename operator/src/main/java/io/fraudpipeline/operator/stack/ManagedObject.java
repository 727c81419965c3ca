package io.fraudpipeline.operator.stack;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespaced;

/**
 * An object the operator manages for a pipeline (a Crossplane managed resource, an ACK resource),
 * schemaless: the backends' CRDs are the schema, and the tests validate every object against them.
 * One subclass per kind gives each kind its own typed client and informer, so two kinds with
 * objects of the same name never mix.
 */
public abstract class ManagedObject extends GenericKubernetesResource implements Namespaced {}
