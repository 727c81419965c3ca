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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * FraudPipelines anywhere inside the CRD's bounds, and a little past the bounds that have none in
 * the schema (tag counts and values). Every size and number is drawn from its edges as often as
 * from its inside: the longest names, the most list entries, the largest numbers.
 */
public final class GeneratedPipelines {

  /** Tags: past AWS's 50 and its 256-character values, which the CRD bounded nowhere. */
  static final int MOST_TAGS = 60;

  static final int LONGEST_TAG_VALUE = 300;

  private static final char[] LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final String TAG_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 _.:/=+-@";
  private static final String TAG_KEY_FIRST =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789bcdefghijklmnopqrstuvwxyz";
  private static final List<String> REGIONS =
      List.of("us-east-1", "ap-southeast-4", "us-gov-west-1", "cn-northwest-1", "us-isob-east-1");

  private GeneratedPipelines() {}

  public static Arbitrary<FraudPipeline> pipelines() {
    return Builders.withBuilder(GeneratedPipelines::draft)
        .use(names())
        .in(
            (p, n) -> {
              p.getMetadata().setName(n.get1());
              p.getSpec().setEnvironmentSuffix(n.get2());
              return p;
            })
        .use(Arbitraries.of(REGIONS))
        .in(set((s, v) -> s.setRegion(v)))
        .use(Arbitraries.of(DeletionPolicy.class))
        .in(set((s, v) -> s.setDeletionPolicy(v)))
        .use(tags())
        .in(set((s, v) -> s.setTags(v)))
        .use(functions())
        .in(set((s, v) -> s.setFunctions(v)))
        .use(stream())
        .in(set((s, v) -> s.setStream(v)))
        .use(api())
        .in(set((s, v) -> s.setApi(v)))
        .use(scoring())
        .in(set((s, v) -> s.setScoring(v)))
        .use(subscriptions())
        .in(
            set(
                (s, v) -> {
                  AlertsSpec alerts = new AlertsSpec();
                  alerts.setSubscriptions(v);
                  s.setAlerts(alerts);
                }))
        .use(alarms())
        .in(set((s, v) -> s.setAlarms(v)))
        .use(edgy(60, 1209600))
        .in(
            set(
                (s, v) -> {
                  DeadLetterSpec dlq = new DeadLetterSpec();
                  dlq.setRetentionSeconds(v);
                  s.setDeadLetter(dlq);
                }))
        .build();
  }

  private static FraudPipeline draft() {
    FraudPipeline p = new FraudPipeline();
    ObjectMeta meta = new ObjectMeta();
    meta.setNamespace("fraud-dev");
    meta.setUid("0d5c9e2a-3f4b-4c6d-8e9f-0a1b2c3d4e5f");
    p.setMetadata(meta);
    p.setSpec(new FraudPipelineSpec());
    return p;
  }

  private static <T> java.util.function.BiFunction<FraudPipeline, T, FraudPipeline> set(
      java.util.function.BiConsumer<FraudPipelineSpec, T> setter) {
    return (p, v) -> {
      setter.accept(p.getSpec(), v);
      return p;
    };
  }

  /** An integer at either end of its range as often as inside it. */
  static Arbitrary<Integer> edgy(int min, int max) {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(min)),
        Tuple.of(1, Arbitraries.just(max)),
        Tuple.of(3, Arbitraries.integers().between(min, max)));
  }

  private static Arbitrary<Double> edgy(double min, double max) {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(min)),
        Tuple.of(1, Arbitraries.just(max)),
        Tuple.of(3, Arbitraries.doubles().between(min, max).ofScale(6)));
  }

  private static Arbitrary<String> text(char[] chars, int min, int max) {
    return edgy(min, max).flatMap(n -> Arbitraries.strings().withChars(chars).ofLength(n));
  }

  /** A DNS-label-like name: alphanumeric at both ends, '-' inside. */
  private static Arbitrary<String> label(int min, int max) {
    return edgy(min, max)
        .flatMap(
            n ->
                n <= 2
                    ? Arbitraries.strings().withChars(LOWER_ALNUM).ofLength(n)
                    : Combinators.combine(
                            Arbitraries.strings().withChars(LOWER_ALNUM).ofLength(1),
                            Arbitraries.strings()
                                .withChars("abcdefghijklmnopqrstuvwxyz0123456789-".toCharArray())
                                .ofLength(n - 2),
                            Arbitraries.strings().withChars(LOWER_ALNUM).ofLength(1))
                        .as((a, b, c) -> a + b + c));
  }

  /** metadata.name and spec.environmentSuffix; with no suffix a long name is refused. */
  private static Arbitrary<net.jqwik.api.Tuple.Tuple2<String, String>> names() {
    return Combinators.combine(label(1, 40), label(1, 20).injectNull(0.3)).as(Tuple::of);
  }

  private static Arbitrary<Map<String, String>> tags() {
    Arbitrary<int[]> sizes =
        Combinators.combine(edgy(1, 128), edgy(0, LONGEST_TAG_VALUE))
            .as((k, v) -> new int[] {k, v});
    return edgy(0, MOST_TAGS)
        .flatMap(n -> sizes.list().ofSize(n))
        .flatMap(
            lengths ->
                Arbitraries.strings()
                    .withChars(TAG_CHARS.toCharArray())
                    .ofLength(LONGEST_TAG_VALUE)
                    .map(
                        filler -> {
                          Map<String, String> tags = new LinkedHashMap<>();
                          for (int i = 0; i < lengths.size(); i++) {
                            tags.put(
                                key(i, lengths.get(i)[0], filler),
                                filler.substring(0, lengths.get(i)[1]));
                          }
                          return tags;
                        }));
  }

  /**
   * Tag {@code index}'s key, {@code length} long: a distinct first character (never the 'a' of a
   * reserved "aws:"), then filler.
   */
  private static String key(int index, int length, String filler) {
    return (TAG_KEY_FIRST.charAt(index) + filler).substring(0, length);
  }

  private static Arbitrary<FunctionsSpec> functions() {
    Arbitrary<FunctionCode> s3 =
        Combinators.combine(
                label(3, 63),
                text(LOWER_ALNUM, 1, 1024),
                text(LOWER_ALNUM, 1, 1024).injectNull(0.5))
            .as(
                (bucket, key, version) -> {
                  FunctionCode code = new FunctionCode();
                  code.setS3Bucket(bucket);
                  code.setS3Key(key);
                  code.setS3ObjectVersion(version);
                  return code;
                });
    Arbitrary<FunctionCode> image =
        text(LOWER_ALNUM, 1, 2048)
            .map(
                uri -> {
                  FunctionCode code = new FunctionCode();
                  code.setImageUri(uri);
                  return code;
                });
    return Builders.withBuilder(FunctionsSpec::new)
        .use(Arbitraries.oneOf(s3, image))
        .in(
            (f, v) -> {
              f.setCode(v);
              return f;
            })
        .use(Arbitraries.of(FunctionRuntime.class))
        .in(
            (f, v) -> {
              f.setRuntime(v);
              return f;
            })
        .use(Arbitraries.of(true, false))
        .in(
            (f, v) -> {
              f.setSnapStart(v);
              return f;
            })
        .use(Arbitraries.of(Architecture.class))
        .in(
            (f, v) -> {
              f.setArchitecture(v);
              return f;
            })
        .use(Arbitraries.of(TracingMode.class))
        .in(
            (f, v) -> {
              f.setTracing(v);
              return f;
            })
        .use(Arbitraries.of(FunctionsSpec.LOG_RETENTION_DAYS))
        .in(
            (f, v) -> {
              f.setLogRetentionDays(v);
              return f;
            })
        .use(Combinators.combine(edgy(128, 10240), edgy(1, 900), edgy(-1, 10000)).as(List::of))
        .in(
            (f, v) -> {
              ProcessorFunctionSpec p = new ProcessorFunctionSpec();
              p.setMemoryMb(v.get(0));
              p.setTimeoutSeconds(v.get(1));
              p.setReservedConcurrency(v.get(2));
              f.setProcessor(p);
              return f;
            })
        .use(Combinators.combine(edgy(128, 10240), edgy(1, 900), edgy(-1, 10000)).as(List::of))
        .in(
            (f, v) -> {
              ScorerFunctionSpec s = new ScorerFunctionSpec();
              s.setMemoryMb(v.get(0));
              s.setTimeoutSeconds(v.get(1));
              s.setReservedConcurrency(v.get(2));
              f.setScorer(s);
              return f;
            })
        .build();
  }

  private static Arbitrary<StreamSpec> stream() {
    return Combinators.combine(
            edgy(SettingRules.BATCH_SIZE_MIN, SettingRules.BATCH_SIZE_MAX),
            edgy(SettingRules.MAXIMUM_RETRY_ATTEMPTS_MIN, SettingRules.MAXIMUM_RETRY_ATTEMPTS_MAX),
            Arbitraries.of(StartingPosition.class),
            Arbitraries.oneOf(Arbitraries.just(-1), edgy(60, 604800)),
            edgy(1, 10))
        .as(
            (batch, retries, position, age, parallel) -> {
              StreamSpec s = new StreamSpec();
              s.setBatchSize(batch);
              s.setMaximumRetryAttempts(retries);
              s.setStartingPosition(position);
              s.setMaximumRecordAgeSeconds(age);
              s.setParallelizationFactor(parallel);
              return s;
            });
  }

  private static Arbitrary<ApiSpec> api() {
    char[] stage = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_".toCharArray();
    return Combinators.combine(
            text(stage, 1, 128),
            Arbitraries.of(Authorization.class),
            edgy(0.0, 1000000.0),
            edgy(0, 1000000))
        .as(
            (name, auth, rate, burst) -> {
              ApiSpec api = new ApiSpec();
              api.setStageName(name);
              api.setAuthorization(auth);
              ThrottlingSpec t = new ThrottlingSpec();
              t.setRateLimit(rate);
              t.setBurstLimit(burst);
              api.setThrottling(t);
              return api;
            });
  }

  private static Arbitrary<ScoringSpec> scoring() {
    Arbitrary<Double> amounts =
        Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.just(SettingRules.AMOUNT_MIN)),
            Tuple.of(1, Arbitraries.just(Double.MAX_VALUE)),
            Tuple.of(3, Arbitraries.doubles().between(SettingRules.AMOUNT_MIN, 1e12)));
    return Combinators.combine(
            edgy(SettingRules.ALERT_THRESHOLD_MIN, SettingRules.ALERT_THRESHOLD_MAX),
            amounts,
            amounts,
            merchants(),
            edgy(SettingRules.SCORE_RETENTION_DAYS_MIN, SettingRules.SCORE_RETENTION_DAYS_MAX))
        .as(
            (threshold, a, b, terms, days) -> {
              ScoringSpec s = new ScoringSpec();
              s.setAlertThreshold(threshold);
              s.setHighAmount(Math.max(a, b));
              s.setElevatedAmount(Math.min(a, b));
              s.setHighRiskMerchants(terms);
              s.setScoreRetentionDays(days);
              return s;
            });
  }

  /** Up to 100 terms; a quarter of the lists have every term at the longest. */
  private static Arbitrary<List<String>> merchants() {
    int most = SettingRules.HIGH_RISK_MERCHANTS_MAX_TERMS;
    int longest = SettingRules.HIGH_RISK_MERCHANT_MAX_LENGTH;
    Arbitrary<String> anyTerm = text(LOWER_ALNUM, 1, longest);
    Arbitrary<String> longTerm = Arbitraries.strings().withChars(LOWER_ALNUM).ofLength(longest);
    return Arbitraries.<Arbitrary<String>>frequency(Tuple.of(3, anyTerm), Tuple.of(1, longTerm))
        .flatMap(term -> edgy(0, most).flatMap(n -> term.list().ofSize(n)));
  }

  /** Distinct subscriptions: the same one twice would be one SNS subscription rendered twice. */
  private static Arbitrary<List<SubscriptionSpec>> subscriptions() {
    Arbitrary<Tuple.Tuple2<SubscriptionProtocol, Integer>> one =
        Combinators.combine(Arbitraries.of(SubscriptionProtocol.class), edgy(12, 2048))
            .as(Tuple::of);
    return edgy(0, 100)
        .flatMap(n -> one.list().ofSize(n))
        .map(
            drawn -> {
              List<SubscriptionSpec> subscriptions = new ArrayList<>();
              for (int i = 0; i < drawn.size(); i++) {
                subscriptions.add(subscription(drawn.get(i).get1(), drawn.get(i).get2(), i));
              }
              return subscriptions;
            });
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

  private static Arbitrary<AlarmsSpec> alarms() {
    Arbitrary<Integer> period =
        Arbitraries.oneOf(Arbitraries.of(10, 30), edgy(1, 1440).map(m -> m * 60));
    return Combinators.combine(edgy(0.001, 100.0), period, edgy(1, 100), subscriptions())
        .as(
            (rate, seconds, periods, subs) -> {
              AlarmsSpec a = new AlarmsSpec();
              a.setErrorRatePercent(rate);
              a.setPeriodSeconds(seconds);
              a.setEvaluationPeriods(periods);
              a.setSubscriptions(new ArrayList<>(subs));
              return a;
            });
  }
}
