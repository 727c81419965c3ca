package io.fraudpipeline.operator.ack.kinds;

import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;
import io.fraudpipeline.operator.stack.ManagedObject;

/** ACK {@code Alias.lambda.services.k8s.aws}. */
@Group("lambda.services.k8s.aws")
@Version("v1alpha1")
@Kind("Alias")
@Plural("aliases")
public class Alias extends ManagedObject {}
