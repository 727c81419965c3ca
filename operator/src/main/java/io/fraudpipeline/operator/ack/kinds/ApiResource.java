package io.fraudpipeline.operator.ack.kinds;

import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;
import io.fraudpipeline.operator.stack.ManagedObject;

/** ACK {@code Resource.apigateway.services.k8s.aws}. */
@Group("apigateway.services.k8s.aws")
@Version("v1alpha1")
@Kind("Resource")
@Plural("resources")
public class ApiResource extends ManagedObject {}
