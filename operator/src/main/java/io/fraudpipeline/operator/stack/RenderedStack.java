package io.fraudpipeline.operator.stack;

import io.fraudpipeline.api.v1alpha1.PendingResource;
import io.fraudpipeline.api.v1alpha1.UnsupportedSetting;
import io.fraudpipeline.operator.model.AwsNames;
import java.util.List;
import java.util.Map;

/**
 * The desired objects of a pipeline, in creation order, and those that cannot be built yet because
 * they wait for another object's status; plus what the pipeline's status reports.
 *
 * @param desired the objects to create or update now
 * @param waiting the objects held back, each with what it waits for
 * @param apiEndpoint invoke URL of POST /transactions, once the stage reports it
 * @param dashboardUrl the dashboard in the AWS console, once the backend reports it made
 * @param alertTopicArn ARN of the fraud alert topic, once reported
 * @param liveVersions the version each function's {@code live} alias serves, by function short name
 *     ({@code processor}, {@code scorer}), once reported; empty without SnapStart
 * @param unsupported settings of the spec the backend cannot apply, and why
 * @param outputs what applications need, by {@link ApplicationOutputs} key, as far as known
 * @param replacements the objects a change replaces rather than changes in place
 */
public record RenderedStack(
    AwsNames names,
    List<ManagedObject> desired,
    List<PendingResource> waiting,
    String apiEndpoint,
    String dashboardUrl,
    String alertTopicArn,
    Map<String, String> liveVersions,
    List<UnsupportedSetting> unsupported,
    Map<String, String> outputs,
    List<Replacement> replacements) {

  /** Every object the pipeline wants, built or waiting. */
  public int total() {
    return desired.size() + waiting.size();
  }
}
