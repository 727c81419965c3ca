package io.fraudpipeline.operator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fraudpipeline.api.v1alpha1.CheckSpec;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.FraudPipelineSpec;
import io.fraudpipeline.operator.Fixtures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two specs of issue 29, and their neighbours just inside AWS's limits. */
class WithinAwsLimitsTest {

  @Test
  void aHundredMerchantTermsOf63CharactersAreRefusedForTheScorersEnvironment() {
    FraudPipeline pipeline = Fixtures.seed();
    pipeline.getSpec().getScoring().setHighRiskMerchants(terms(100, 63));

    InvalidSpecException refused = refusal(pipeline);

    assertThat(refused)
        .hasMessage(
            "spec.scoring.highRiskMerchants: the scorer's environment would be 6,658 bytes;"
                + " Lambda allows 4,096");
  }

  @Test
  void merchantTermsThatFillTheEnvironmentToExactly4096BytesPassAndTwoBytesMoreAreRefused() {
    FraudPipeline pipeline = Fixtures.seed();
    pipeline.getSpec().getScoring().setHighAmount(Double.MAX_VALUE);
    List<String> terms = new ArrayList<>(List.of("m"));
    pipeline.getSpec().getScoring().setHighRiskMerchants(terms);
    while (scorerBytes(pipeline) < 4096) {
      int room = 4096 - scorerBytes(pipeline);
      String last = terms.get(terms.size() - 1);
      if (last.length() < 64) {
        terms.set(terms.size() - 1, last + "m".repeat(Math.min(room, 64 - last.length())));
      } else {
        terms.add("m"); // a comma and a character
      }
    }

    assertThat(scorerBytes(pipeline)).isEqualTo(4096);
    assertThatCode(() -> SpecCheck.check(pipeline)).doesNotThrowAnyException();

    terms.add("m");
    assertThat(refusal(pipeline))
        .hasMessage(
            "spec.scoring.highRiskMerchants: the scorer's environment would be 4,098 bytes;"
                + " Lambda allows 4,096");
  }

  @Test
  void fiftyTagsAreRefusedSinceTheOperatorAddsItsOwn() {
    FraudPipeline pipeline = Fixtures.seed();
    pipeline.getSpec().setTags(tags(50));

    assertThat(refusal(pipeline))
        .hasMessage(
            "spec.tags: 50 tags and the operator's own Environment tag would make 51 on every"
                + " resource; AWS allows 50, so at most 49 of yours");
  }

  @Test
  void fortyNineTagsPassAndAUsersEnvironmentTagIsTheOperatorsOwn() {
    FraudPipeline pipeline = Fixtures.seed();
    pipeline.getSpec().setTags(tags(49));
    assertThatCode(() -> SpecCheck.check(pipeline)).doesNotThrowAnyException();

    Map<String, String> withEnvironment = tags(49);
    withEnvironment.put(Ownership.ENVIRONMENT_TAG, "mine");
    pipeline.getSpec().setTags(withEnvironment);
    assertThatCode(() -> SpecCheck.check(pipeline)).doesNotThrowAnyException();
  }

  @Test
  void aTagValueOver256CharactersIsRefused() {
    FraudPipeline pipeline = Fixtures.seed();
    pipeline.getSpec().setTags(Map.of("team", "p".repeat(256)));
    assertThatCode(() -> SpecCheck.check(pipeline)).doesNotThrowAnyException();

    pipeline.getSpec().setTags(Map.of("team", "p".repeat(257)));
    assertThat(refusal(pipeline))
        .hasMessage("spec.tags: the value of 'team' is 257 characters; AWS allows 256");
  }

  @Test
  void theCrdsBoundsAreTheTablesLimitsLessWhatTheOperatorAdds() {
    assertThat(FraudPipelineSpec.MAX_TAGS)
        .isEqualTo(AwsLimit.USER_TAGS)
        .isEqualTo(AwsLimit.TAGS_PER_RESOURCE.max() - AwsLimit.OPERATOR_TAGS);
    assertThat(FraudPipelineSpec.MAX_TAG_VALUE_LENGTH).isEqualTo(AwsLimit.TAG_VALUE.max());
    assertThat(CheckSpec.SCHEDULE_MAX_LENGTH)
        .isEqualTo(AwsLimit.EVENTBRIDGE_SCHEDULE_EXPRESSION.max());
  }

  private static int scorerBytes(FraudPipeline pipeline) {
    FraudPipelineSpec spec = pipeline.getSpec();
    AwsNames names = new AwsNames(spec.getEnvironmentSuffix());
    String arn = "arn:aws:sns:" + spec.getRegion() + ":123456789012:" + names.alertTopic();
    return FunctionEnvironment.bytes(
        FunctionEnvironment.scorer(names.metricsPipeline(), names, spec.getScoring(), arn));
  }

  private static InvalidSpecException refusal(FraudPipeline pipeline) {
    return catchThrowableOfType(InvalidSpecException.class, () -> SpecCheck.check(pipeline));
  }

  private static List<String> terms(int count, int length) {
    List<String> terms = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      terms.add(String.format("%03d", i) + "t".repeat(length - 3));
    }
    return terms;
  }

  private static Map<String, String> tags(int count) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      tags.put("team" + i, "t");
    }
    return tags;
  }
}
