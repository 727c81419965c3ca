package io.fraudpipeline.operator.reconciler;

/** {@code diff} with ACK resources. */
class RealServerAckDiffTest extends RealServerDiffTest {

  @Override
  RealServerBackendLifecycleTest backend() {
    return new RealServerAckLifecycleTest();
  }

  @Override
  String settingsPath() {
    return "spec";
  }

  @Override
  String lambdaGroup() {
    return "lambda.services.k8s.aws";
  }
}
