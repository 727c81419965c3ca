package io.fraudpipeline.operator.crossplane;

import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.model.ApiDesign;
import io.fraudpipeline.operator.model.FunctionAliases;
import io.fraudpipeline.operator.model.FunctionRole;
import io.fraudpipeline.operator.model.StackComponents;
import io.fraudpipeline.operator.stack.DataObjects;
import io.fraudpipeline.operator.stack.ObservedObjects;
import io.fraudpipeline.operator.stack.Output;
import io.fraudpipeline.operator.stack.RenderedStack;
import io.fraudpipeline.operator.stack.ResourceType;
import io.fraudpipeline.operator.stack.StackBuild;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole stack of a pipeline as Crossplane managed resources: a pure function of the pipeline
 * and the MRs observed so far. {@code render} and the reconciler both call it, so what a user
 * previews is what the operator applies.
 */
final class CrossplaneStack {

  private CrossplaneStack() {}

  static RenderedStack build(FraudPipeline pipeline, ObservedObjects observed) {
    StackBuild build = new StackBuild(pipeline, observed, CrossplaneDialect.INSTANCE);
    DataObjects.add(build, DataResources.INSTANCE);
    IamResources.roles(build);
    FunctionResources.logGroups(build);
    FunctionResources.functions(build);
    FunctionResources.aliases(build);
    IamResources.policies(build);
    FunctionResources.scorerFailureDestination(build);
    FunctionResources.streamMapping(build);
    ApiResources.add(build);
    AlarmResources.add(build);
    CheckResources.schedule(build);
    CheckResources.dashboard(build);
    String invokeUrl = build.reported(ResourceType.STAGE, StackComponents.STAGE, Output.INVOKE_URL);
    return build.result(
        invokeUrl == null ? null : ApiDesign.stageUrl(invokeUrl),
        build.reported(ResourceType.TOPIC, StackComponents.ALERT_TOPIC, Output.ARN),
        liveVersions(build));
  }

  /** The version each {@code live} alias serves, by function, as the provider reports it. */
  private static Map<String, String> liveVersions(StackBuild build) {
    Map<String, String> versions = new LinkedHashMap<>();
    if (FunctionAliases.enabled(build.spec.getFunctions())) {
      for (FunctionRole f : FunctionRole.SERVING) {
        String version =
            build.reported(ResourceType.ALIAS, StackComponents.alias(f), Output.FUNCTION_VERSION);
        if (version != null) {
          versions.put(f.shortName(), version);
        }
      }
    }
    return versions;
  }
}
