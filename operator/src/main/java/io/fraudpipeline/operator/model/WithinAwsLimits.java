package io.fraudpipeline.operator.model;

import io.fraudpipeline.api.v1alpha1.FraudPipelineSpec;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The limits of {@link AwsLimit} that a spec's values can push the stack past, checked before any
 * object is rendered: without them AWS refuses one managed resource minutes later. The CRD says the
 * same where a schema can; the names' limits need no check (fixed stems and a suffix of at most 20
 * characters keep them inside, which the generated-spec test proves).
 */
final class WithinAwsLimits {

  private WithinAwsLimits() {}

  static void check(FraudPipelineSpec spec, AwsNames names) {
    tags(spec.getTags());
    scorerEnvironment(spec, names, names.metricsPipeline());
  }

  /**
   * The scorer's environment carries the scoring settings, so the spec decides its size; the
   * processor's is names and an ARN of a fixed size. Only the merchant terms can fill 4 KB: an
   * amount takes at most 309 characters (the largest double, written out).
   */
  private static void scorerEnvironment(FraudPipelineSpec spec, AwsNames names, String pipeline) {
    if (spec.getScoring() == null) {
      return;
    }
    Map<String, String> env =
        FunctionEnvironment.scorer(
            pipeline,
            names,
            spec.getScoring(),
            topicArnOfAnyAccount(spec.getRegion(), names.alertTopic()));
    int bytes = FunctionEnvironment.bytes(env);
    if (!AwsLimit.LAMBDA_ENVIRONMENT.allows(bytes)) {
      throw new InvalidSpecException(
          "spec.scoring.highRiskMerchants",
          "the scorer's environment would be "
              + AwsLimit.grouped(bytes)
              + " bytes; "
              + AwsLimit.LAMBDA_ENVIRONMENT.allowance());
    }
  }

  /** Account IDs are always 12 digits, so any account's ARN is as long as this one. */
  private static String topicArnOfAnyAccount(String region, String topic) {
    return "arn:" + AwsPartition.of(region) + ":sns:" + region + ":000000000000:" + topic;
  }

  /** The user's tags and the operator's own go on every resource together. */
  private static void tags(Map<String, String> tags) {
    if (tags == null) {
      return;
    }
    Set<String> onEveryResource = new LinkedHashSet<>(tags.keySet());
    onEveryResource.add(Ownership.ENVIRONMENT_TAG);
    if (!AwsLimit.TAGS_PER_RESOURCE.allows(onEveryResource.size())) {
      throw new InvalidSpecException(
          "spec.tags",
          tags.size()
              + " tags and the operator's own "
              + Ownership.ENVIRONMENT_TAG
              + " tag would make "
              + onEveryResource.size()
              + " on every resource; "
              + AwsLimit.TAGS_PER_RESOURCE.allowance()
              + ", so at most "
              + AwsLimit.USER_TAGS
              + " of yours");
    }
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      String key = tag.getKey();
      if (key.startsWith("aws:") || !AwsLimit.TAG_KEY.allows(key.length())) {
        throw new InvalidSpecException(
            "spec.tags",
            "tag keys must not start with 'aws:' and are at most "
                + AwsLimit.TAG_KEY.max()
                + " characters");
      }
      String value = tag.getValue() == null ? "" : tag.getValue();
      if (!AwsLimit.TAG_VALUE.allows(value.length())) {
        throw new InvalidSpecException(
            "spec.tags",
            "the value of '"
                + key
                + "' is "
                + AwsLimit.grouped(value.length())
                + " characters; "
                + AwsLimit.TAG_VALUE.allowance());
      }
    }
  }
}
