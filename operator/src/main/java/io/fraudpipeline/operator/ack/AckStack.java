package io.fraudpipeline.operator.ack;

import io.fraudpipeline.api.v1alpha1.Authorization;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.ProviderConfigRef;
import io.fraudpipeline.operator.model.InvalidSpecException;
import io.fraudpipeline.operator.model.StackComponents;
import io.fraudpipeline.operator.stack.DataObjects;
import io.fraudpipeline.operator.stack.ObservedObjects;
import io.fraudpipeline.operator.stack.Output;
import io.fraudpipeline.operator.stack.RenderedStack;
import io.fraudpipeline.operator.stack.ResourceType;
import io.fraudpipeline.operator.stack.StackBuild;
import java.util.Objects;

/**
 * The whole stack of a pipeline as ACK resources: a pure function of the pipeline and the objects
 * observed so far, copying status into spec wherever ACK has no reference.
 */
final class AckStack {

  private AckStack() {}

  /**
   * @throws InvalidSpecException naming the field the operator cannot act on with ACK
   */
  static RenderedStack build(FraudPipeline pipeline, ObservedObjects observed) {
    StackBuild build = new StackBuild(pipeline, observed, AckDialect.INSTANCE);
    if (build.spec.getApi().getAuthorization() == Authorization.API_KEY) {
      throw new InvalidSpecException(
          "spec.api.authorization",
          "API_KEY is not supported with backend ACK: API Gateway enforces a key only through a"
              + " usage plan, which ACK cannot create; use AWS_IAM or NONE, or backend"
              + " Crossplane");
    }
    ProviderConfigRef ref = build.spec.getProviderConfigRef();
    ProviderConfigRef defaults = new ProviderConfigRef();
    if (ref != null
        && (ref.getKind() != defaults.getKind()
            || !Objects.equals(ref.getName(), defaults.getName()))) {
      build.unsupported(
          "spec.providerConfigRef",
          "applies to Crossplane only: ACK objects use the namespace's ACK account setup"
              + " (services.k8s.aws/owner-account-id and ack-role-account-map, see"
              + " docs/backends.md)");
    }
    DataObjects.add(build, new AckData(build));
    AckIam.roles(build);
    AckFunctions.logGroups(build);
    AckFunctions.functions(build);
    String apiId = AckApi.add(build);
    AckFunctions.aliases(
        build,
        apiId,
        build.reported(ResourceType.REST_API, StackComponents.REST_API, Output.ACCOUNT));
    AckFunctions.streamMapping(build);
    AckAlarms.add(build);
    AckFunctions.checkSchedule(build);
    AckDashboard.add(build);
    return build.result(
        AckApi.endpoint(build, apiId),
        build.reported(ResourceType.TOPIC, StackComponents.ALERT_TOPIC, Output.ARN),
        AckFunctions.liveVersions(build));
  }
}
