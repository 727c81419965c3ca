package io.fraudpipeline.operator.limits;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fraudpipeline.api.v1alpha1.AlarmsSpec;
import io.fraudpipeline.api.v1alpha1.AlertsSpec;
import io.fraudpipeline.api.v1alpha1.ApiSpec;
import io.fraudpipeline.api.v1alpha1.Architecture;
import io.fraudpipeline.api.v1alpha1.Authorization;
import io.fraudpipeline.api.v1alpha1.DeadLetterSpec;
import io.fraudpipeline.api.v1alpha1.DeletionPolicy;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.FraudPipelineSpec;
import io.fraudpipeline.api.v1alpha1.FunctionCode;
import io.fraudpipeline.api.v1alpha1.FunctionRuntime;
import io.fraudpipeline.api.v1alpha1.FunctionsSpec;
import io.fraudpipeline.api.v1alpha1.ProcessorFunctionSpec;
import io.fraudpipeline.api.v1alpha1.ScorerFunctionSpec;
import io.fraudpipeline.api.v1alpha1.ScoringSpec;
import io.fraudpipeline.api.v1alpha1.StartingPosition;
import io.fraudpipeline.api.v1alpha1.StreamSpec;
import io.fraudpipeline.api.v1alpha1.SubscriptionProtocol;
import io.fraudpipeline.api.v1alpha1.SubscriptionSpec;
import io.fraudpipeline.api.v1alpha1.ThrottlingSpec;
import io.fraudpipeline.api.v1alpha1.TracingMode;
import io.fraudpipeline.functions.contract.SettingRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * FraudPipelines anywhere inside the CRD's bounds, and a little past the bounds that have none in
 * the schema (tag counts and values), drawn from a {@link Random}: the same seed makes the same
 * spec. Every size and number is its minimum (1 in 5), its maximum (1 in 5) or a uniform value
 * between them (3 in 5): the longest names, the most list entries, the largest numbers.
 */
public final class GeneratedPipelines {

  /** Tags: past AWS's 50 and its 256-character values, which the CRD bounded nowhere. */
  static final int MOST_TAGS = 60;

  static final int LONGEST_TAG_VALUE = 300;

  private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final String LABEL_INSIDE = LOWER_ALNUM + "-";
  private static final String STAGE_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_";
  private static final String TAG_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 _.:/=+-@";
  private static final String TAG_KEY_FIRST =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789bcdefghijklmnopqrstuvwxyz";
  private static final List<String> REGIONS =
      List.of("us-east-1", "ap-southeast-4", "us-gov-west-1", "cn-northwest-1", "us-isob-east-1");

  private GeneratedPipelines() {}

  /**
   * Checks {@code tries} specs, each made from its own seed drawn from {@code seed}, and counts the
   * outcomes {@code check} names for each. A failing check fails naming its try, its seed (for
   * {@link #pipeline(long)}) and the spec's sizes.
   */
  public static Map<String, Integer> tally(
      long seed, int tries, Function<FraudPipeline, List<String>> check) {
    Random seeds = new Random(seed);
    Map<String, Integer> outcomes = new TreeMap<>();
    for (int i = 0; i < tries; i++) {
      long trySeed = seeds.nextLong();
      FraudPipeline pipeline = pipeline(trySeed);
      try {
        check.apply(pipeline).forEach(o -> outcomes.merge(o, 1, Integer::sum));
      } catch (AssertionError failed) {
        throw new AssertionError(
            String.format(
                "try %d of %d (seed %dL, replay with GeneratedPipelines.pipeline(%dL)): %s%n%s",
                i, tries, trySeed, trySeed, SpecSummary.of(pipeline), failed.getMessage()),
            failed);
      }
    }
    System.out.printf("%d generated specs (seed %d): %s%n", tries, seed, outcomes);
    return outcomes;
  }

  /** The spec of seed {@code seed}: replays a failing try. */
  public static FraudPipeline pipeline(long seed) {
    return pipeline(new Random(seed));
  }

  public static FraudPipeline pipeline(Random random) {
    FraudPipeline p = new FraudPipeline();
    ObjectMeta meta = new ObjectMeta();
    meta.setNamespace("fraud-dev");
    meta.setUid("0d5c9e2a-3f4b-4c6d-8e9f-0a1b2c3d4e5f");
    meta.setName(label(random, 1, 40));
    p.setMetadata(meta);
    FraudPipelineSpec s = new FraudPipelineSpec();
    p.setSpec(s);
    // with no suffix a long name is refused
    s.setEnvironmentSuffix(random.nextDouble() < 0.3 ? null : label(random, 1, 20));
    s.setRegion(oneOf(random, REGIONS));
    s.setDeletionPolicy(oneOf(random, DeletionPolicy.values()));
    s.setTags(tags(random));
    s.setFunctions(functions(random));
    s.setStream(stream(random));
    s.setApi(api(random));
    s.setScoring(scoring(random));
    AlertsSpec alerts = new AlertsSpec();
    alerts.setSubscriptions(subscriptions(random));
    s.setAlerts(alerts);
    s.setAlarms(alarms(random));
    DeadLetterSpec dlq = new DeadLetterSpec();
    dlq.setRetentionSeconds(size(random, 60, 1209600));
    s.setDeadLetter(dlq);
    return p;
  }

  /**
   * {@code min} or {@code max}, each 1 time in 5, or a value between them (the weights of the
   * generator this replaced, with which enough specs render to check the limits on).
   */
  static int size(Random random, int min, int max) {
    return switch (random.nextInt(5)) {
      case 0 -> min;
      case 1 -> max;
      default -> inside(random, min, max);
    };
  }

  /**
   * A value from {@code min} to {@code max}, smaller ones likelier (the square of a uniform draw),
   * as the former generator's default was: many-entry lists past a limit are rare inside, common at
   * the edge.
   */
  private static int inside(Random random, int min, int max) {
    double u = random.nextDouble();
    return min + (int) Math.min(max - min, Math.floor(u * u * ((long) max - min + 1)));
  }

  /** As {@link #size}, the inside value rounded to 6 decimals. */
  static double number(Random random, double min, double max) {
    return switch (random.nextInt(5)) {
      case 0 -> min;
      case 1 -> max;
      default -> Math.min(max, Math.round(random.nextDouble(min, max) * 1e6) / 1e6);
    };
  }

  private static <T> T oneOf(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  @SafeVarargs
  private static <T> T oneOf(Random random, T... values) {
    return values[random.nextInt(values.length)];
  }

  private static String chars(Random random, String chars, int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(chars.charAt(random.nextInt(chars.length())));
    }
    return b.toString();
  }

  private static String text(Random random, String chars, int min, int max) {
    return chars(random, chars, size(random, min, max));
  }

  /** A DNS-label-like name: alphanumeric at both ends, '-' inside. */
  private static String label(Random random, int min, int max) {
    int n = size(random, min, max);
    if (n <= 2) {
      return chars(random, LOWER_ALNUM, n);
    }
    return chars(random, LOWER_ALNUM, 1)
        + chars(random, LABEL_INSIDE, n - 2)
        + chars(random, LOWER_ALNUM, 1);
  }

  /**
   * Up to 60 tags; the list's longest value is drawn first (up to 300 characters), then each value
   * up to it, so that a list of many tags is not refused on one value almost every time.
   */
  private static Map<String, String> tags(Random random) {
    int n = size(random, 0, MOST_TAGS);
    int longest = size(random, 0, LONGEST_TAG_VALUE);
    int[][] lengths = new int[n][];
    for (int i = 0; i < n; i++) {
      lengths[i] = new int[] {size(random, 1, 128), size(random, 0, longest)};
    }
    String filler = chars(random, TAG_CHARS, LONGEST_TAG_VALUE);
    Map<String, String> tags = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      tags.put(key(i, lengths[i][0], filler), filler.substring(0, lengths[i][1]));
    }
    return tags;
  }

  /**
   * Tag {@code index}'s key, {@code length} long: a distinct first character (never the 'a' of a
   * reserved "aws:"), then filler.
   */
  private static String key(int index, int length, String filler) {
    return (TAG_KEY_FIRST.charAt(index) + filler).substring(0, length);
  }

  private static FunctionsSpec functions(Random random) {
    FunctionCode code = new FunctionCode();
    if (random.nextBoolean()) {
      code.setS3Bucket(label(random, 3, 63));
      code.setS3Key(text(random, LOWER_ALNUM, 1, 1024));
      code.setS3ObjectVersion(random.nextBoolean() ? null : text(random, LOWER_ALNUM, 1, 1024));
    } else {
      code.setImageUri(text(random, LOWER_ALNUM, 1, 2048));
    }
    FunctionsSpec f = new FunctionsSpec();
    f.setCode(code);
    f.setRuntime(oneOf(random, FunctionRuntime.values()));
    f.setSnapStart(random.nextBoolean());
    f.setArchitecture(oneOf(random, Architecture.values()));
    f.setTracing(oneOf(random, TracingMode.values()));
    f.setLogRetentionDays(oneOf(random, FunctionsSpec.LOG_RETENTION_DAYS));
    ProcessorFunctionSpec p = new ProcessorFunctionSpec();
    p.setMemoryMb(size(random, 128, 10240));
    p.setTimeoutSeconds(size(random, 1, 900));
    p.setReservedConcurrency(size(random, -1, 10000));
    f.setProcessor(p);
    ScorerFunctionSpec s = new ScorerFunctionSpec();
    s.setMemoryMb(size(random, 128, 10240));
    s.setTimeoutSeconds(size(random, 1, 900));
    s.setReservedConcurrency(size(random, -1, 10000));
    f.setScorer(s);
    return f;
  }

  private static StreamSpec stream(Random random) {
    StreamSpec s = new StreamSpec();
    s.setBatchSize(size(random, SettingRules.BATCH_SIZE_MIN, SettingRules.BATCH_SIZE_MAX));
    s.setMaximumRetryAttempts(
        size(
            random,
            SettingRules.MAXIMUM_RETRY_ATTEMPTS_MIN,
            SettingRules.MAXIMUM_RETRY_ATTEMPTS_MAX));
    s.setStartingPosition(oneOf(random, StartingPosition.values()));
    s.setMaximumRecordAgeSeconds(random.nextBoolean() ? -1 : size(random, 60, 604800));
    s.setParallelizationFactor(size(random, 1, 10));
    return s;
  }

  private static ApiSpec api(Random random) {
    ApiSpec api = new ApiSpec();
    api.setStageName(text(random, STAGE_CHARS, 1, 128));
    api.setAuthorization(oneOf(random, Authorization.values()));
    ThrottlingSpec t = new ThrottlingSpec();
    t.setRateLimit(number(random, 0.0, 1000000.0));
    t.setBurstLimit(size(random, 0, 1000000));
    api.setThrottling(t);
    return api;
  }

  private static ScoringSpec scoring(Random random) {
    ScoringSpec s = new ScoringSpec();
    s.setAlertThreshold(
        number(random, SettingRules.ALERT_THRESHOLD_MIN, SettingRules.ALERT_THRESHOLD_MAX));
    double a = amount(random);
    double b = amount(random);
    s.setHighAmount(Math.max(a, b));
    s.setElevatedAmount(Math.min(a, b));
    s.setHighRiskMerchants(merchants(random));
    s.setScoreRetentionDays(
        size(random, SettingRules.SCORE_RETENTION_DAYS_MIN, SettingRules.SCORE_RETENTION_DAYS_MAX));
    return s;
  }

  /** The smallest amount, the largest double, or one up to a trillion. */
  private static double amount(Random random) {
    return switch (random.nextInt(5)) {
      case 0 -> SettingRules.AMOUNT_MIN;
      case 1 -> Double.MAX_VALUE;
      default -> random.nextDouble(SettingRules.AMOUNT_MIN, 1e12);
    };
  }

  /** Up to 100 terms; a quarter of the lists have every term at the longest. */
  private static List<String> merchants(Random random) {
    int longest = SettingRules.HIGH_RISK_MERCHANT_MAX_LENGTH;
    boolean allLongest = random.nextInt(4) == 0;
    int n = size(random, 0, SettingRules.HIGH_RISK_MERCHANTS_MAX_TERMS);
    List<String> terms = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      terms.add(
          allLongest ? chars(random, LOWER_ALNUM, longest) : text(random, LOWER_ALNUM, 1, longest));
    }
    return terms;
  }

  /** Distinct subscriptions: the same one twice would be one SNS subscription rendered twice. */
  private static List<SubscriptionSpec> subscriptions(Random random) {
    int n = size(random, 0, 100);
    List<SubscriptionSpec> subscriptions = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      subscriptions.add(
          subscription(oneOf(random, SubscriptionProtocol.values()), size(random, 12, 2048), i));
    }
    return subscriptions;
  }

  /** An endpoint of the protocol's form, {@code length} characters long, distinct by index. */
  private static SubscriptionSpec subscription(
      SubscriptionProtocol protocol, int length, int index) {
    String start =
        switch (protocol) {
          case EMAIL, EMAIL_JSON -> "ops@";
          case HTTPS -> "https://";
          case HTTP -> "http://";
          default -> "arn:aws:sns:";
        };
    start = start + index + "-";
    SubscriptionSpec s = new SubscriptionSpec();
    s.setProtocol(protocol);
    s.setEndpoint(start + "e".repeat(Math.max(0, length - start.length())));
    return s;
  }

  private static AlarmsSpec alarms(Random random) {
    AlarmsSpec a = new AlarmsSpec();
    a.setErrorRatePercent(number(random, 0.001, 100.0));
    a.setPeriodSeconds(random.nextBoolean() ? oneOf(random, 10, 30) : size(random, 1, 1440) * 60);
    a.setEvaluationPeriods(size(random, 1, 100));
    a.setSubscriptions(subscriptions(random));
    return a;
  }
}
