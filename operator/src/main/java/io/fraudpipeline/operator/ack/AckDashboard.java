package io.fraudpipeline.operator.ack;

import io.fraudpipeline.operator.model.AwsPartition;
import io.fraudpipeline.operator.stack.DashboardObjects;
import io.fraudpipeline.operator.stack.Needs;
import io.fraudpipeline.operator.stack.ObjectBuilder;
import io.fraudpipeline.operator.stack.Output;
import io.fraudpipeline.operator.stack.ResourceType;
import io.fraudpipeline.operator.stack.StackBuild;

/**
 * The dashboard as an ACK Dashboard, named in spec. The cloudwatch controller never writes an
 * alarm's ARN, so the alarm widget's ARNs are made of each alarm's account, region and name.
 */
final class AckDashboard implements DashboardObjects.Shape {

  private AckDashboard() {}

  static void add(StackBuild build) {
    DashboardObjects.add(build, new AckDashboard());
  }

  @Override
  public void map(ObjectBuilder dashboard, String awsName, String body) {
    dashboard.set("dashboardName", awsName).set("dashboardBody", body);
  }

  @Override
  public String alarmArn(StackBuild build, Needs needs, String component, String awsName) {
    String account = needs.output(ResourceType.METRIC_ALARM, component, Output.ACCOUNT);
    if (account == null) {
      return null;
    }
    return AwsPartition.arn("cloudwatch", build.spec.getRegion(), account, "alarm:" + awsName);
  }
}
