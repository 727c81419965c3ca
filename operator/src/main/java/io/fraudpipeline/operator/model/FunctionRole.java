package io.fraudpipeline.operator.model;

import io.fraudpipeline.api.v1alpha1.FraudPipelineSpec;
import io.fraudpipeline.functions.contract.Handlers;
import java.util.List;

/**
 * The functions of the stack, and the name stem every resource serving one of them shares: the two
 * that serve transactions, and the scheduled check that watches them.
 */
public enum FunctionRole {
  PROCESSOR("transaction-processor", "processor", Handlers.PROCESSOR),
  SCORER("fraud-scorer", "scorer", Handlers.SCORER),
  CHECK("pipeline-check", "check", Handlers.CHECK);

  /**
   * The functions that serve transactions: each has a dead-letter queue, an error-rate alarm and,
   * with SnapStart, a published {@code live} alias. The check has none of these: its failures are
   * what the "not scoring" alarm watches.
   */
  public static final List<FunctionRole> SERVING = List.of(PROCESSOR, SCORER);

  /** The functions a pipeline deploys: the serving two, and the check unless it is turned off. */
  public static List<FunctionRole> deployed(FraudPipelineSpec spec) {
    return CheckDesign.runs(spec) ? List.of(PROCESSOR, SCORER, CHECK) : SERVING;
  }

  private final String awsStem;
  private final String shortName;
  private final String handler;

  FunctionRole(String awsStem, String shortName, String handler) {
    this.awsStem = awsStem;
    this.shortName = shortName;
    this.handler = handler;
  }

  /** Stem of the AWS names: {@code transaction-processor}-dev, {@code fraud-scorer}-role-dev. */
  public String awsStem() {
    return awsStem;
  }

  /** Short name used in Kubernetes object names: {@code <pipeline>-processor}. */
  public String shortName() {
    return shortName;
  }

  /** The Lambda handler string, from the contract shared with the functions module. */
  public String handler() {
    return handler;
  }
}
