package io.fraudpipeline.operator.crossplane;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.api.v1alpha1.Backend;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.backend.StackBackend;
import io.fraudpipeline.operator.model.SuffixClaims;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Crossplane v2 namespaced managed resources of the Upbound AWS providers, behind the seam. */
public final class CrossplaneBackend implements StackBackend {

  public static final CrossplaneBackend INSTANCE = new CrossplaneBackend();

  private CrossplaneBackend() {}

  @Override
  public Backend id() {
    return Backend.CROSSPLANE;
  }

  @Override
  public List<ManagedKind> kinds() {
    return CrossplaneKinds.all();
  }

  @Override
  public String missingCrdsMessage(List<ManagedKind> missing) {
    return "Crossplane provider CRDs not installed: "
        + missing.stream().map(ManagedKind::crdName).collect(Collectors.joining(", "))
        + " (install provider-aws-dynamodb, -sqs, -sns, -iam, -cloudwatchlogs, -lambda,"
        + " -apigateway and -cloudwatch); managed resources are left as they are";
  }

  @Override
  public RenderedStack render(FraudPipeline pipeline, ObservedResources observed) {
    return CrossplaneStack.build(pipeline, observed);
  }

  @Override
  public RenderedStack renderAssumingReady(FraudPipeline pipeline) {
    return AssumedStatuses.renderAssumingReady(pipeline);
  }

  @Override
  public GenericKubernetesResource withAssumedStatus(GenericKubernetesResource desired) {
    return AssumedStatuses.withStatus(desired);
  }

  @Override
  public boolean isReady(GenericKubernetesResource observed) {
    return Readiness.isReady(observed);
  }

  @Override
  public String notReadyReason(GenericKubernetesResource observed) {
    return Readiness.reason(observed);
  }

  /** Crossplane retries every error itself; the MR's Synced=False shows in the pending reason. */
  @Override
  public Optional<String> terminalError(GenericKubernetesResource observed) {
    return Optional.empty();
  }

  @Override
  public <R extends GenericKubernetesResource> R pruned(R observed) {
    return CachedFields.pruned(observed);
  }

  @Override
  public Optional<String> credentialsIdentity(FraudPipeline pipeline) {
    return SuffixClaims.providerConfigIdentity(pipeline);
  }
}
