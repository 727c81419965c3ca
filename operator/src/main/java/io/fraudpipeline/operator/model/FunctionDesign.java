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

  public static FunctionDesign of(FraudPipelineSpec spec, AwsNames names, FunctionRole role) {
    FunctionsSpec fs = spec.getFunctions();
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

  /** Lambda's package type: an image's CMD names the handler, and it takes no runtime. */
  public String packageType() {
    return code.isImage() ? "Image" : "Zip";
  }

  /** The description of its {@code live} alias. */
  public String aliasDescription() {
    return "The version every caller of " + awsName + " invokes";
  }
}
