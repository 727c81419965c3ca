package io.fraudpipeline.operator.crossplane;

import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.model.FunctionAliases;
import io.fraudpipeline.operator.model.FunctionRole;
import io.fraudpipeline.operator.model.SpecCheck;
import io.fraudpipeline.operator.model.StackComponents;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole stack of a pipeline as Crossplane managed resources: a pure function of the pipeline
 * and the MRs observed so far. {@code render} and the reconciler both call it, so what a user
 * previews is what the operator applies.
 */
public final class CrossplaneStack {

  private CrossplaneStack() {}

  /**
   * @throws io.fraudpipeline.operator.model.InvalidSpecException naming the field the operator
   *     cannot act on
   */
  public static RenderedStack build(FraudPipeline pipeline, ObservedResources observed) {
    String suffix = SpecCheck.check(pipeline);
    StackContext ctx = new StackContext(pipeline, suffix, observed);
    DataResources.add(ctx);
    IamResources.roles(ctx);
    FunctionResources.logGroups(ctx);
    FunctionResources.functions(ctx);
    FunctionResources.aliases(ctx);
    IamResources.policies(ctx);
    FunctionResources.scorerFailureDestination(ctx);
    FunctionResources.streamMapping(ctx);
    ApiResources.add(ctx);
    AlarmResources.add(ctx);
    String invokeUrl =
        observed
            .atProvider(
                CrossplaneKinds.STAGE, ctx.mrName(StackComponents.STAGE), StatusFields.INVOKE_URL)
            .orElse(null);
    String alertTopicArn =
        observed
            .atProvider(
                CrossplaneKinds.TOPIC, ctx.mrName(StackComponents.ALERT_TOPIC), StatusFields.ARN)
            .orElse(null);
    return new RenderedStack(
        ctx.names,
        ctx.desired,
        ctx.waiting,
        invokeUrl == null ? null : stripSlash(invokeUrl) + "/transactions",
        alertTopicArn,
        liveVersions(ctx),
        List.of());
  }

  /** The version each {@code live} alias serves, by function, as the provider reports it. */
  private static Map<String, String> liveVersions(StackContext ctx) {
    Map<String, String> versions = new LinkedHashMap<>();
    if (FunctionAliases.enabled(ctx.spec.getFunctions())) {
      for (FunctionRole f : FunctionRole.values()) {
        ctx.observed
            .atProvider(
                CrossplaneKinds.ALIAS,
                ctx.mrName(StackComponents.alias(f)),
                StatusFields.FUNCTION_VERSION)
            .ifPresent(v -> versions.put(f.shortName(), v));
      }
    }
    return versions;
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
