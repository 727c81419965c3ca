package io.fraudpipeline.operator.ack.kinds;

import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;
import io.fraudpipeline.operator.stack.ManagedObject;

/** ACK {@code Rule.eventbridge.services.k8s.aws}. */
@Group("eventbridge.services.k8s.aws")
@Version("v1alpha1")
@Kind("Rule")
@Plural("rules")
public class ScheduleRule extends ManagedObject {}
