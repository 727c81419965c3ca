package io.fraudpipeline.benchmarks.scale.kro;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fraudpipeline.api.v1alpha1.AlarmsSpec;
import io.fraudpipeline.api.v1alpha1.ApiSpec;
import io.fraudpipeline.api.v1alpha1.Authorization;
import io.fraudpipeline.api.v1alpha1.Backend;
import io.fraudpipeline.api.v1alpha1.DeletionPolicy;
import io.fraudpipeline.api.v1alpha1.EnvironmentSuffix;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.FraudPipelineSpec;
import io.fraudpipeline.api.v1alpha1.FunctionSettings;
import io.fraudpipeline.api.v1alpha1.FunctionsSpec;
import io.fraudpipeline.api.v1alpha1.ProviderConfigKind;
import io.fraudpipeline.api.v1alpha1.ScoringSpec;
import io.fraudpipeline.api.v1alpha1.StreamSpec;
import io.fraudpipeline.api.v1alpha1.SubscriptionSpec;
import io.fraudpipeline.operator.model.FunctionAliases;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The RGD's instance for what a FraudPipeline asks: its spec carried field by field onto the
 * instance schema of {@code fraud-pipeline-rgd.yaml}. A setting the RGD does not cover is refused
 * by name rather than dropped, so the two sides always build the same stack.
 */
final class KroInstance {

  private KroInstance() {}

  static GenericKubernetesResource of(
      Rgd rgd, FraudPipeline pipeline, String namespace, String name) {
    GenericKubernetesResource instance = new GenericKubernetesResource();
    instance.setApiVersion(rgd.instanceApiVersion());
    instance.setKind(rgd.instanceKind());
    instance.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    instance.setAdditionalProperty("spec", spec(pipeline));
    return instance;
  }

  /** The instance for this pipeline's settings under another name, which is also its suffix. */
  static GenericKubernetesResource named(
      Rgd rgd, FraudPipeline pipeline, String namespace, String name) {
    if (!EnvironmentSuffix.isValid(name)) {
      throw new IllegalArgumentException(
          "instance name "
              + name
              + " cannot serve as the environment suffix (pattern "
              + EnvironmentSuffix.PATTERN
              + ")");
    }
    GenericKubernetesResource instance = of(rgd, pipeline, namespace, name);
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) instance.getAdditionalProperties().get("spec");
    spec.put("environmentSuffix", name);
    return instance;
  }

  /** The instance spec for this pipeline. */
  static Map<String, Object> spec(FraudPipeline pipeline) {
    FraudPipelineSpec s = pipeline.getSpec();
    if (s.getBackend() != null && s.getBackend() != Backend.CROSSPLANE) {
      refuse("spec.backend " + s.getBackend().value(), "the RGD is written over Crossplane MRs");
    }
    if (s.getProviderConfigRef() != null
        && s.getProviderConfigRef().getKind() != null
        && s.getProviderConfigRef().getKind() != ProviderConfigKind.CLUSTER_PROVIDER_CONFIG) {
      refuse("spec.providerConfigRef.kind", "the RGD names a ClusterProviderConfig");
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("environmentSuffix", EnvironmentSuffix.of(pipeline));
    put(spec, "region", s.getRegion());
    if (s.getProviderConfigRef() != null) {
      put(spec, "providerConfigName", s.getProviderConfigRef().getName());
    }
    if (s.getDeletionPolicy() != null) {
      spec.put(
          "deletionPolicy", s.getDeletionPolicy() == DeletionPolicy.DELETE ? "Delete" : "Retain");
    }
    put(spec, "tags", s.getTags());
    spec.put("functions", functions(s.getFunctions()));
    spec.put("stream", stream(s.getStream()));
    spec.put("api", api(s.getApi()));
    spec.put("scoring", scoring(s.getScoring()));
    spec.put(
        "alertSubscriptions",
        subscriptions(s.getAlerts() == null ? null : s.getAlerts().getSubscriptions()));
    spec.put("alarms", alarms(s.getAlarms()));
    if (s.getDeadLetter() != null) {
      put(spec, "deadLetterRetentionSeconds", s.getDeadLetter().getRetentionSeconds());
    }
    return spec;
  }

  private static Map<String, Object> functions(FunctionsSpec f) {
    if (f.getCode().isImage()) {
      refuse("spec.functions.code.imageUri", "the RGD deploys a zip from S3");
    }
    if (!FunctionAliases.enabled(f)) {
      refuse(
          "spec.functions.snapStart: false",
          "the RGD always publishes with SnapStart and a live alias");
    }
    if (f.getCode().getS3ObjectVersion() != null || f.getCode().getSha256() != null) {
      refuse(
          "spec.functions.code.s3ObjectVersion/sha256",
          "the RGD names the code by bucket and key only");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("s3Bucket", f.getCode().getS3Bucket());
    out.put("s3Key", f.getCode().getS3Key());
    put(out, "runtime", f.getRuntime() == null ? null : f.getRuntime().value());
    put(out, "architecture", f.getArchitecture() == null ? null : f.getArchitecture().value());
    put(out, "tracing", f.getTracing() == null ? null : f.getTracing().value());
    put(out, "logRetentionDays", f.getLogRetentionDays());
    out.put("processor", function(f.getProcessor()));
    out.put("scorer", function(f.getScorer()));
    return out;
  }

  private static Map<String, Object> function(FunctionSettings settings) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (settings != null) {
      put(out, "memoryMb", settings.getMemoryMb());
      put(out, "timeoutSeconds", settings.getTimeoutSeconds());
      put(out, "reservedConcurrency", settings.getReservedConcurrency());
    }
    return out;
  }

  private static Map<String, Object> stream(StreamSpec st) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (st != null) {
      put(out, "batchSize", st.getBatchSize());
      put(out, "maximumRetryAttempts", st.getMaximumRetryAttempts());
      put(
          out,
          "startingPosition",
          st.getStartingPosition() == null ? null : st.getStartingPosition().value());
      put(out, "maximumRecordAgeSeconds", st.getMaximumRecordAgeSeconds());
      put(out, "parallelizationFactor", st.getParallelizationFactor());
    }
    return out;
  }

  private static Map<String, Object> api(ApiSpec a) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (a == null) {
      return out;
    }
    if (a.getAuthorization() == Authorization.API_KEY) {
      refuse("spec.api.authorization: API_KEY", "the RGD has no usage plan and key");
    }
    put(out, "stageName", a.getStageName());
    put(out, "authorization", a.getAuthorization() == null ? null : a.getAuthorization().value());
    if (a.getThrottling() != null) {
      put(out, "rateLimit", a.getThrottling().getRateLimit());
      put(out, "burstLimit", a.getThrottling().getBurstLimit());
    }
    return out;
  }

  private static Map<String, Object> scoring(ScoringSpec sc) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (sc != null) {
      put(out, "alertThreshold", sc.getAlertThreshold());
      put(out, "highAmount", whole("spec.scoring.highAmount", sc.getHighAmount()));
      put(out, "elevatedAmount", whole("spec.scoring.elevatedAmount", sc.getElevatedAmount()));
      put(out, "highRiskMerchants", sc.getHighRiskMerchants());
      put(out, "scoreRetentionDays", sc.getScoreRetentionDays());
    }
    return out;
  }

  private static Map<String, Object> alarms(AlarmsSpec al) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (al != null) {
      put(out, "errorRatePercent", al.getErrorRatePercent());
      put(out, "periodSeconds", al.getPeriodSeconds());
      put(out, "evaluationPeriods", al.getEvaluationPeriods());
    }
    out.put("subscriptions", subscriptions(al == null ? null : al.getSubscriptions()));
    return out;
  }

  private static List<Map<String, Object>> subscriptions(List<SubscriptionSpec> subs) {
    if (subs == null) {
      return List.of();
    }
    return subs.stream()
        .map(
            x ->
                Map.<String, Object>of(
                    "protocol", x.getProtocol().value(), "endpoint", x.getEndpoint()))
        .toList();
  }

  /** The RGD types amounts as integers (the scorer's environment shows them so). */
  private static Long whole(String field, Double value) {
    if (value == null) {
      return null;
    }
    if (value != Math.rint(value)) {
      refuse(field + " " + value, "the RGD takes whole amounts");
    }
    return value.longValue();
  }

  private static void put(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  private static void refuse(String setting, String why) {
    throw new IllegalArgumentException("the kro peer cannot express " + setting + ": " + why);
  }
}
