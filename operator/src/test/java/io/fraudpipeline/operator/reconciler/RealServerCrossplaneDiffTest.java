package io.fraudpipeline.operator.reconciler;

/** {@code diff} with Crossplane managed resources. */
class RealServerCrossplaneDiffTest extends RealServerDiffTest {

  @Override
  RealServerBackendLifecycleTest backend() {
    return new RealServerLifecycleTest();
  }

  @Override
  String settingsPath() {
    return "spec.forProvider";
  }

  @Override
  String lambdaGroup() {
    return "lambda.aws.m.upbound.io";
  }
}
