package io.fraudpipeline.operator.ack;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.api.v1alpha1.Backend;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.backend.StackBackend;
import io.fraudpipeline.operator.crossplane.ManagedKind;
import io.fraudpipeline.operator.crossplane.ObservedResources;
import io.fraudpipeline.operator.crossplane.RenderedStack;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** AWS Controllers for Kubernetes, behind the seam. */
public final class AckBackend implements StackBackend {

  public static final AckBackend INSTANCE = new AckBackend();

  /**
   * ACK picks the AWS account by the namespace (CARM's owner-account-id annotation, else the
   * controllers' own credentials), which the pipeline does not name: every ACK pipeline is taken to
   * share credentials, so a suffix is claimed once among all of them.
   */
  static final String CREDENTIALS = "ack:namespace-account";

  private AckBackend() {}

  @Override
  public Backend id() {
    return Backend.ACK;
  }

  @Override
  public List<ManagedKind> kinds() {
    return AckKinds.all();
  }

  @Override
  public String missingCrdsMessage(List<ManagedKind> missing) {
    return "ACK CRDs not installed: "
        + missing.stream().map(ManagedKind::crdName).collect(Collectors.joining(", "))
        + " (install the ACK dynamodb, sqs, sns, iam, cloudwatchlogs, lambda, apigateway and"
        + " cloudwatch controllers: see examples/ack); ACK resources are left as they are";
  }

  @Override
  public RenderedStack render(FraudPipeline pipeline, ObservedResources observed) {
    return AckStack.build(pipeline, observed);
  }

  @Override
  public RenderedStack renderAssumingReady(FraudPipeline pipeline) {
    return AckAssumedStatuses.renderAssumingReady(pipeline);
  }

  @Override
  public GenericKubernetesResource withAssumedStatus(GenericKubernetesResource desired) {
    return AckAssumedStatuses.withStatus(desired);
  }

  @Override
  public boolean isReady(GenericKubernetesResource observed) {
    return AckReadiness.isReady(observed);
  }

  @Override
  public String notReadyReason(GenericKubernetesResource observed) {
    return AckReadiness.reason(observed);
  }

  @Override
  public Optional<String> terminalError(GenericKubernetesResource observed) {
    return AckReadiness.terminal(observed);
  }

  @Override
  public <R extends GenericKubernetesResource> R pruned(R observed) {
    return AckCachedFields.pruned(observed);
  }

  @Override
  public Optional<String> credentialsIdentity(FraudPipeline pipeline) {
    return Optional.of(CREDENTIALS);
  }
}
