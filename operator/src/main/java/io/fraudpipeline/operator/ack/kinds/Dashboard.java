package io.fraudpipeline.operator.ack.kinds;

import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;
import io.fraudpipeline.operator.stack.ManagedObject;

/** ACK {@code Dashboard.cloudwatch.services.k8s.aws}. */
@Group("cloudwatch.services.k8s.aws")
@Version("v1alpha1")
@Kind("Dashboard")
@Plural("dashboards")
public class Dashboard extends ManagedObject {}
