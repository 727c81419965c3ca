package io.fraudpipeline.operator.model;

import io.fraudpipeline.api.v1alpha1.CheckSpec;
import io.fraudpipeline.api.v1alpha1.EnvironmentSuffix;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.FraudPipelineSpec;
import io.fraudpipeline.api.v1alpha1.FunctionCode;
import io.fraudpipeline.api.v1alpha1.ScoringSpec;

/**
 * The checks a FraudPipeline must pass before any managed resource is computed. The CRD rejects
 * most of this already; these guard what reaches the operator without an API server's validation
 * (render, a cluster where the CRD is older) and name the field, so the user knows what to fix.
 */
public final class SpecCheck {

  private static final java.util.regex.Pattern SHA256 =
      java.util.regex.Pattern.compile(FunctionCode.SHA256_PATTERN);

  private static final java.util.regex.Pattern SCHEDULE =
      java.util.regex.Pattern.compile(CheckSpec.SCHEDULE_PATTERN);

  private SpecCheck() {}

  /** Returns the environment suffix in effect, or throws naming the first field that is wrong. */
  public static String check(FraudPipeline pipeline) {
    if (pipeline.getMetadata() == null || isBlank(pipeline.getMetadata().getName())) {
      throw new InvalidSpecException("metadata.name", "required");
    }
    FraudPipelineSpec spec = pipeline.getSpec();
    if (spec == null) {
      throw new InvalidSpecException("spec", "required");
    }
    String suffix = EnvironmentSuffix.of(pipeline);
    if (!EnvironmentSuffix.isValid(suffix)) {
      String field =
          spec.getEnvironmentSuffix() != null ? "spec.environmentSuffix" : "metadata.name";
      throw new InvalidSpecException(
          field,
          "'"
              + suffix
              + "' is not a valid environment suffix (1-20 of a-z, 0-9 and '-', starting and"
              + " ending alphanumeric); it ends every AWS name, which must stay within AWS"
              + " limits"
              + (spec.getEnvironmentSuffix() == null ? ": set spec.environmentSuffix" : ""));
    }
    if (isBlank(spec.getRegion())) {
      throw new InvalidSpecException("spec.region", "required");
    }
    if (spec.getFunctions() == null || spec.getFunctions().getCode() == null) {
      throw new InvalidSpecException("spec.functions.code", "required");
    }
    checkCode(spec.getFunctions().getCode());
    checkScoring(spec.getScoring());
    checkSchedule(spec.getCheck());
    SpecLimits.check(spec);
    WithinAwsLimits.check(spec, new AwsNames(suffix));
    return suffix;
  }

  private static void checkCode(FunctionCode code) {
    boolean s3 = code.getS3Bucket() != null || code.getS3Key() != null;
    boolean image = code.getImageUri() != null;
    if (s3 == image) {
      throw new InvalidSpecException(
          "spec.functions.code", "set exactly one of s3 (s3Bucket + s3Key) or imageUri");
    }
    if (s3 && (isBlank(code.getS3Bucket()) || isBlank(code.getS3Key()))) {
      throw new InvalidSpecException(
          isBlank(code.getS3Bucket())
              ? "spec.functions.code.s3Bucket"
              : "spec.functions.code.s3Key",
          "s3Bucket and s3Key are set together");
    }
    if (code.getS3ObjectVersion() != null && !s3) {
      throw new InvalidSpecException(
          "spec.functions.code.s3ObjectVersion", "needs s3Bucket and s3Key");
    }
    if (code.getSha256() != null && !s3) {
      throw new InvalidSpecException(
          "spec.functions.code.sha256", "is the hash of the S3 zip: it needs s3Bucket and s3Key");
    }
    if (code.getSha256() != null && !SHA256.matcher(code.getSha256()).matches()) {
      throw new InvalidSpecException(
          "spec.functions.code.sha256",
          "must be the base64 SHA-256 of the zip (44 characters ending in '=')");
    }
  }

  private static void checkSchedule(CheckSpec check) {
    if (check == null) {
      throw new InvalidSpecException("spec.check", "required (the CRD defaults it to {})");
    }
    String schedule = check.getSchedule();
    if (schedule == null
        || schedule.length() > CheckSpec.SCHEDULE_MAX_LENGTH
        || !SCHEDULE.matcher(schedule).matches()) {
      throw new InvalidSpecException(
          "spec.check.schedule", "'" + schedule + "' " + CheckSpec.SCHEDULE_MESSAGE);
    }
  }

  private static void checkScoring(ScoringSpec scoring) {
    if (scoring == null) {
      return;
    }
    if (scoring.getElevatedAmount() != null
        && scoring.getHighAmount() != null
        && scoring.getElevatedAmount() > scoring.getHighAmount()) {
      throw new InvalidSpecException("spec.scoring.elevatedAmount", "must not exceed highAmount");
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /**
   * The suffix names every AWS resource, the tables included: once the stack has objects, a new
   * suffix would replace all of them and re-create both tables empty (their data stays behind in
   * the old ones, or is deleted with them under deletionPolicy Delete), so it is refused.
   *
   * @param hasObjects whether any object of the pipeline's stack exists
   */
  public static void suffixKept(FraudPipeline pipeline, String suffix, boolean hasObjects) {
    var status = pipeline.getStatus();
    String inEffect = status == null ? null : status.getEnvironmentSuffix();
    if (!hasObjects || inEffect == null || inEffect.equals(suffix)) {
      return;
    }
    AwsNames old = new AwsNames(inEffect);
    throw new InvalidSpecException(
        "spec.environmentSuffix",
        "the stack exists with suffix '"
            + inEffect
            + "' (tables "
            + old.transactionsTable()
            + " and "
            + old.fraudScoresTable()
            + "); '"
            + suffix
            + "' would replace every AWS resource and re-create both tables empty: set it back to '"
            + inEffect
            + "', or create a new FraudPipeline");
  }
}
