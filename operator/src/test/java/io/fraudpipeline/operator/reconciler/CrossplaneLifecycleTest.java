package io.fraudpipeline.operator.reconciler;

import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.backend.StackBackend;
import io.fraudpipeline.operator.crossplane.CrossplaneBackend;

/** The shared lifecycle with Crossplane managed resources and a simulated provider. */
class CrossplaneLifecycleTest extends BackendLifecycleTest {

  @Override
  StackBackend backend() {
    return CrossplaneBackend.INSTANCE;
  }

  @Override
  FraudPipeline pipeline() {
    return Fixtures.pipeline("seed");
  }

  @Override
  int total() {
    return 40;
  }
}
