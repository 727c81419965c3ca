package io.fraudpipeline.operator.model;

import io.fraudpipeline.functions.contract.Handlers;

/** The two functions of the stack, and the name stem every resource serving one of them shares. */
public enum FunctionRole {
  PROCESSOR("transaction-processor", "processor", Handlers.PROCESSOR),
  SCORER("fraud-scorer", "scorer", Handlers.SCORER);

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
