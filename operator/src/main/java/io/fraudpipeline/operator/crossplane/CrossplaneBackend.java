package io.fraudpipeline.operator.crossplane;

import io.fraudpipeline.api.v1alpha1.Backend;
import io.fraudpipeline.operator.backend.StackBackend;
import io.fraudpipeline.operator.model.SuffixClaims;

/** Crossplane v2 namespaced managed resources of the Upbound AWS providers, behind the seam. */
public final class CrossplaneBackend {

  /** Two pipelines share AWS credentials when they name the same provider config. */
  public static final StackBackend INSTANCE =
      new StackBackend(
          Backend.CROSSPLANE,
          CrossplaneKinds.all(),
          CrossplaneDialect.INSTANCE,
          CrossplaneStack::build,
          "Crossplane provider",
          "install provider-aws-dynamodb, -sqs, -sns, -iam, -cloudwatchlogs, -lambda,"
              + " -apigateway and -cloudwatch); managed resources are left as they are",
          SuffixClaims::providerConfigIdentity);

  private CrossplaneBackend() {}
}
