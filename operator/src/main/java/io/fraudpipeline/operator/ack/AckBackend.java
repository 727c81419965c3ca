package io.fraudpipeline.operator.ack;

import io.fraudpipeline.api.v1alpha1.Backend;
import io.fraudpipeline.operator.backend.StackBackend;
import java.util.Optional;

/** AWS Controllers for Kubernetes, behind the seam. */
public final class AckBackend {

  /**
   * ACK picks the AWS account by the namespace (CARM's owner-account-id annotation, else the
   * controllers' own credentials), which the pipeline does not name: every ACK pipeline is taken to
   * share credentials, so a suffix is claimed once among all of them.
   */
  static final String CREDENTIALS = "ack:namespace-account";

  public static final StackBackend INSTANCE =
      new StackBackend(
          Backend.ACK,
          AckKinds.all(),
          AckDialect.INSTANCE,
          AckStack::build,
          "ACK",
          "install the ACK dynamodb, sqs, sns, iam, cloudwatchlogs, lambda, apigateway and"
              + " cloudwatch controllers: see examples/ack); ACK resources are left as they are",
          pipeline -> Optional.of(CREDENTIALS));

  private AckBackend() {}
}
