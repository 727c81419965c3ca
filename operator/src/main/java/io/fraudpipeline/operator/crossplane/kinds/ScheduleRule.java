package io.fraudpipeline.operator.crossplane.kinds;

import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;
import io.fraudpipeline.operator.stack.ManagedObject;

/** Crossplane {@code Rule.cloudwatchevents.aws.m.upbound.io}. */
@Group("cloudwatchevents.aws.m.upbound.io")
@Version("v1beta1")
@Kind("Rule")
@Plural("rules")
public class ScheduleRule extends ManagedObject {}
