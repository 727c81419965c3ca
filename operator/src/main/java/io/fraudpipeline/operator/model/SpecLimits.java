package io.fraudpipeline.operator.model;

import io.fraudpipeline.api.v1alpha1.AlarmsSpec;
import io.fraudpipeline.api.v1alpha1.ApiSpec;
import io.fraudpipeline.api.v1alpha1.FraudPipelineSpec;
import io.fraudpipeline.api.v1alpha1.FunctionSettings;
import io.fraudpipeline.api.v1alpha1.FunctionsSpec;
import io.fraudpipeline.api.v1alpha1.ScoringSpec;
import io.fraudpipeline.api.v1alpha1.StreamSpec;
import io.fraudpipeline.api.v1alpha1.SubscriptionProtocol;
import io.fraudpipeline.api.v1alpha1.SubscriptionSpec;
import io.fraudpipeline.functions.contract.SettingRules;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The ranges, formats and cross-field rules of the CRD schema, checked again in Java. A pipeline
 * stored before the CRD had a rule, or read by {@code render}, never passed the API server's
 * validation; without these an out-of-range value would reach AWS as a failing managed resource.
 */
final class SpecLimits {

  private static final Pattern REGION =
      Pattern.compile("^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]$");
  private static final Pattern STAGE = Pattern.compile("^[A-Za-z0-9_]{1,128}$");

  private SpecLimits() {}

  static void check(FraudPipelineSpec spec) {
    if (!REGION.matcher(spec.getRegion()).matches()) {
      throw new InvalidSpecException(
          "spec.region", "'" + spec.getRegion() + "' is not an AWS region name such as us-east-1");
    }
    functions(spec.getFunctions());
    stream(spec.getStream());
    api(spec.getApi());
    scoring(spec.getScoring());
    alarms(spec.getAlarms());
    if (spec.getAlerts() != null) {
      subscriptions("spec.alerts.subscriptions", spec.getAlerts().getSubscriptions());
    }
    if (spec.getDeadLetter() != null) {
      range(
          "spec.deadLetter.retentionSeconds",
          spec.getDeadLetter().getRetentionSeconds(),
          60,
          1209600);
    }
  }

  private static void functions(FunctionsSpec functions) {
    Integer retention = functions.getLogRetentionDays();
    if (retention != null && !FunctionsSpec.LOG_RETENTION_DAYS.contains(retention)) {
      throw new InvalidSpecException(
          "spec.functions.logRetentionDays",
          retention + " is not a CloudWatch Logs retention (1, 3, 5, 7, 14, 30, 60, 90, ... 3653)");
    }
    sizing("spec.functions.processor", functions.getProcessor());
    sizing("spec.functions.scorer", functions.getScorer());
  }

  private static void sizing(String path, FunctionSettings settings) {
    if (settings == null) {
      return;
    }
    range(path + ".memoryMb", settings.getMemoryMb(), 128, 10240);
    range(path + ".timeoutSeconds", settings.getTimeoutSeconds(), 1, 900);
    range(path + ".reservedConcurrency", settings.getReservedConcurrency(), -1, 10000);
  }

  private static void stream(StreamSpec stream) {
    if (stream == null) {
      return;
    }
    range(
        "spec.stream.batchSize",
        stream.getBatchSize(),
        SettingRules.BATCH_SIZE_MIN,
        SettingRules.BATCH_SIZE_MAX);
    range(
        "spec.stream.maximumRetryAttempts",
        stream.getMaximumRetryAttempts(),
        SettingRules.MAXIMUM_RETRY_ATTEMPTS_MIN,
        SettingRules.MAXIMUM_RETRY_ATTEMPTS_MAX);
    range("spec.stream.parallelizationFactor", stream.getParallelizationFactor(), 1, 10);
    Integer age = stream.getMaximumRecordAgeSeconds();
    if (age != null && age != -1 && (age < 60 || age > 604800)) {
      throw new InvalidSpecException(
          "spec.stream.maximumRecordAgeSeconds", "must be -1 (no limit) or between 60 and 604800");
    }
  }

  private static void api(ApiSpec api) {
    if (api == null) {
      return;
    }
    if (api.getStageName() != null && !STAGE.matcher(api.getStageName()).matches()) {
      throw new InvalidSpecException(
          "spec.api.stageName",
          "1-128 of letters, digits and '_', got '" + api.getStageName() + "'");
    }
    if (api.getThrottling() != null) {
      range("spec.api.throttling.rateLimit", api.getThrottling().getRateLimit(), 0, 1000000);
      range("spec.api.throttling.burstLimit", api.getThrottling().getBurstLimit(), 0, 1000000);
    }
  }

  private static void scoring(ScoringSpec scoring) {
    if (scoring == null) {
      return;
    }
    range(
        "spec.scoring.alertThreshold",
        scoring.getAlertThreshold(),
        SettingRules.ALERT_THRESHOLD_MIN,
        SettingRules.ALERT_THRESHOLD_MAX);
    range(
        "spec.scoring.highAmount",
        scoring.getHighAmount(),
        SettingRules.AMOUNT_MIN,
        Double.MAX_VALUE);
    range(
        "spec.scoring.elevatedAmount",
        scoring.getElevatedAmount(),
        SettingRules.AMOUNT_MIN,
        Double.MAX_VALUE);
    range(
        "spec.scoring.scoreRetentionDays",
        scoring.getScoreRetentionDays(),
        SettingRules.SCORE_RETENTION_DAYS_MIN,
        SettingRules.SCORE_RETENTION_DAYS_MAX);
    List<String> terms = scoring.getHighRiskMerchants();
    if (terms != null) {
      if (terms.size() > SettingRules.HIGH_RISK_MERCHANTS_MAX_TERMS) {
        throw new InvalidSpecException(
            "spec.scoring.highRiskMerchants",
            "at most " + SettingRules.HIGH_RISK_MERCHANTS_MAX_TERMS + " terms");
      }
      for (String term : terms) {
        String problem = SettingRules.highRiskMerchantProblem(term);
        if (problem != null) {
          throw new InvalidSpecException("spec.scoring.highRiskMerchants", problem);
        }
      }
    }
  }

  private static void alarms(AlarmsSpec alarms) {
    if (alarms == null) {
      return;
    }
    Double rate = alarms.getErrorRatePercent();
    if (rate != null && (rate <= 0 || rate > 100)) {
      throw new InvalidSpecException(
          "spec.alarms.errorRatePercent", "must be above 0 and at most 100");
    }
    Integer period = alarms.getPeriodSeconds();
    if (period != null
        && (period < 10 || period > 86400 || (period != 10 && period != 30 && period % 60 != 0))) {
      throw new InvalidSpecException(
          "spec.alarms.periodSeconds",
          "must be 10, 30 or a multiple of 60 up to 86400 (CloudWatch periods)");
    }
    range("spec.alarms.evaluationPeriods", alarms.getEvaluationPeriods(), 1, 100);
    subscriptions("spec.alarms.subscriptions", alarms.getSubscriptions());
  }

  private static void subscriptions(String path, List<SubscriptionSpec> subscriptions) {
    if (subscriptions == null) {
      return;
    }
    for (int i = 0; i < subscriptions.size(); i++) {
      SubscriptionSpec s = subscriptions.get(i);
      String at = path + "[" + i + "]";
      if (s.getProtocol() == null || s.getEndpoint() == null || s.getEndpoint().isBlank()) {
        throw new InvalidSpecException(at, "protocol and endpoint are required");
      }
      SubscriptionProtocol p = s.getProtocol();
      boolean email = p == SubscriptionProtocol.EMAIL || p == SubscriptionProtocol.EMAIL_JSON;
      if (email && !s.getEndpoint().contains("@")) {
        throw new InvalidSpecException(
            at, "an email subscription needs an email address as endpoint");
      }
      if (p == SubscriptionProtocol.HTTPS && !s.getEndpoint().startsWith("https://")) {
        throw new InvalidSpecException(at, "an https subscription needs an https:// endpoint");
      }
      if (p == SubscriptionProtocol.HTTP && !s.getEndpoint().startsWith("http://")) {
        throw new InvalidSpecException(at, "an http subscription needs an http:// endpoint");
      }
    }
  }

  private static void range(String field, Number value, double min, double max) {
    if (value != null && (value.doubleValue() < min || value.doubleValue() > max)) {
      throw new InvalidSpecException(
          field, value + " is out of range: must be between " + plain(min) + " and " + plain(max));
    }
  }

  private static String plain(double d) {
    return d == Double.MAX_VALUE
        ? "any"
        : d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
