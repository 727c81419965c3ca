package io.fraudpipeline.operator.ack;

import io.fraudpipeline.api.v1alpha1.Authorization;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.ProviderConfigRef;
import io.fraudpipeline.operator.crossplane.ObservedResources;
import io.fraudpipeline.operator.crossplane.RenderedStack;
import io.fraudpipeline.operator.model.InvalidSpecException;
import io.fraudpipeline.operator.model.SpecCheck;
import io.fraudpipeline.operator.model.StackComponents;

/**
 * The whole stack of a pipeline as ACK resources: a pure function of the pipeline and the objects
 * observed so far, copying status into spec wherever ACK has no reference.
 */
public final class AckStack {

  private AckStack() {}

  /**
   * @throws InvalidSpecException naming the field the operator cannot act on with ACK
   */
  public static RenderedStack build(FraudPipeline pipeline, ObservedResources observed) {
    String suffix = SpecCheck.check(pipeline);
    if (pipeline.getSpec().getApi().getAuthorization() == Authorization.API_KEY) {
      throw new InvalidSpecException(
          "spec.api.authorization",
          "API_KEY is not supported with backend ACK: API Gateway enforces a key only through a"
              + " usage plan, which ACK cannot create; use AWS_IAM or NONE, or backend"
              + " Crossplane");
    }
    AckContext ctx = new AckContext(pipeline, suffix, observed);
    ProviderConfigRef ref = pipeline.getSpec().getProviderConfigRef();
    ProviderConfigRef defaults = new ProviderConfigRef();
    if (ref != null
        && (ref.getKind() != defaults.getKind()
            || !java.util.Objects.equals(ref.getName(), defaults.getName()))) {
      ctx.unsupported(
          "spec.providerConfigRef",
          "applies to Crossplane only: ACK objects use the namespace's ACK account setup"
              + " (services.k8s.aws/owner-account-id and ack-role-account-map, see"
              + " docs/backends.md)");
    }
    AckData.add(ctx);
    AckIam.roles(ctx);
    AckFunctions.logGroups(ctx);
    AckFunctions.functions(ctx);
    String apiId = AckApi.add(ctx);
    String account =
        observed
            .find(AckKinds.REST_API, ctx.name(StackComponents.REST_API))
            .map(r -> AckStatus.field(r, AckStatus.ACCOUNT))
            .orElse(null);
    AckFunctions.aliases(ctx, apiId, account);
    AckFunctions.streamMapping(ctx);
    AckAlarms.add(ctx);
    String alertTopicArn =
        observed
            .find(AckKinds.TOPIC, ctx.name(StackComponents.ALERT_TOPIC))
            .map(r -> AckStatus.field(r, AckStatus.ARN))
            .orElse(null);
    return new RenderedStack(
        ctx.names,
        ctx.desired,
        ctx.waiting,
        AckApi.endpoint(ctx, apiId),
        alertTopicArn,
        AckFunctions.liveVersions(ctx),
        ctx.unsupported);
  }
}
