package io.fraudpipeline.operator.model;

import io.fraudpipeline.api.v1alpha1.FraudPipelineSpec;
import io.fraudpipeline.api.v1alpha1.FunctionCode;
import io.fraudpipeline.api.v1alpha1.FunctionSettings;
import io.fraudpipeline.api.v1alpha1.FunctionsSpec;

/**
 * One Lambda function of the stack in Lambda's own terms (CreateFunction), whichever backend makes
 * it: its code (a zip in S3 or an image), how it runs, and whether it publishes a version on every
 * change for SnapStart. The environment is apart ({@link FunctionEnvironment}): the scorer's waits
 * for the alert topic's ARN.
 *
 * @param reservedConcurrency -1 for none reserved, as the API says it
 * @param publishes publish a version on every change and snapshot it ({@link FunctionAliases})
 */
public record FunctionDesign(
    FunctionRole role,
    String awsName,
    FunctionCode code,
    String runtime,
    String handler,
    boolean publishes,
    String architecture,
    Integer memoryMb,
    Integer timeoutSeconds,
    Integer reservedConcurrency,
    String tracingMode) {

  /** The check's memory: a Java handler's client and SDK need more than Lambda's 128 MB default. */
  public static final int CHECK_MEMORY_MB = 512;

  /** The check waits for its transaction's score within this, and fails after it. */
  public static final int CHECK_TIMEOUT_SECONDS = 60;

  public static FunctionDesign of(FraudPipelineSpec spec, AwsNames names, FunctionRole role) {
    FunctionsSpec fs = spec.getFunctions();
    if (role == FunctionRole.CHECK) {
      return check(fs, names);
    }
    FunctionSettings settings = role == FunctionRole.PROCESSOR ? fs.getProcessor() : fs.getScorer();
    return new FunctionDesign(
        role,
        names.function(role),
        fs.getCode(),
        fs.getRuntime().value(),
        role.handler(),
        FunctionAliases.enabled(fs),
        fs.getArchitecture().value(),
        settings.getMemoryMb(),
        settings.getTimeoutSeconds(),
        settings.getReservedConcurrency(),
        fs.getTracing().value());
  }

  /**
   * The check runs once per schedule, where a cold start does not matter: it publishes no version
   * (no SnapStart) and reserves no concurrency, which would take from the account's pool.
   */
  private static FunctionDesign check(FunctionsSpec fs, AwsNames names) {
    return new FunctionDesign(
        FunctionRole.CHECK,
        names.function(FunctionRole.CHECK),
        fs.getCode(),
        fs.getRuntime().value(),
        FunctionRole.CHECK.handler(),
        false,
        fs.getArchitecture().value(),
        CHECK_MEMORY_MB,
        CHECK_TIMEOUT_SECONDS,
        -1,
        fs.getTracing().value());
  }

  /** Lambda's package type: an image's CMD names the handler, and it takes no runtime. */
  public String packageType() {
    return code.isImage() ? "Image" : "Zip";
  }

  /** The description of its {@code live} alias. */
  public String aliasDescription() {
    return "The version every caller of " + awsName + " invokes";
  }
}
