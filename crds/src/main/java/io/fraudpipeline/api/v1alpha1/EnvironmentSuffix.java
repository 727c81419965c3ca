package io.fraudpipeline.api.v1alpha1;

import io.fraudpipeline.functions.contract.SettingRules;
import java.util.regex.Pattern;

/**
 * The suffix every AWS name of a pipeline ends with. At most 20 characters, so the longest name
 * ({@code transaction-processor-role-<suffix>}, 47 characters) stays within the 64 that Lambda and
 * IAM allow.
 */
public final class EnvironmentSuffix {

  public static final String PATTERN = SettingRules.ENVIRONMENT_SUFFIX_PATTERN;

  private static final Pattern COMPILED = Pattern.compile(PATTERN);

  private EnvironmentSuffix() {}

  public static boolean isValid(String suffix) {
    return suffix != null && COMPILED.matcher(suffix).matches();
  }

  /** The suffix in effect: the spec's, else the pipeline's name. */
  public static String of(FraudPipeline pipeline) {
    String explicit = pipeline.getSpec() == null ? null : pipeline.getSpec().getEnvironmentSuffix();
    return explicit != null ? explicit : pipeline.getMetadata().getName();
  }
}
