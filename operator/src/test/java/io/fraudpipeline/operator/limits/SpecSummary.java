package io.fraudpipeline.operator.limits;

import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.FraudPipelineSpec;
import java.util.List;
import java.util.Map;

/** The sizes of a generated spec that AWS's limits are about, short enough to read in a failure. */
public final class SpecSummary {

  private SpecSummary() {}

  public static String of(FraudPipeline pipeline) {
    FraudPipelineSpec spec = pipeline.getSpec();
    Map<String, String> tags = spec.getTags() == null ? Map.of() : spec.getTags();
    List<String> terms = spec.getScoring().getHighRiskMerchants();
    return "spec {name "
        + pipeline.getMetadata().getName().length()
        + " chars, suffix "
        + spec.getEnvironmentSuffix()
        + ", region "
        + spec.getRegion()
        + ", tags "
        + tags.size()
        + " (longest key "
        + tags.keySet().stream().mapToInt(String::length).max().orElse(0)
        + ", longest value "
        + tags.values().stream().mapToInt(String::length).max().orElse(0)
        + "), highRiskMerchants "
        + terms.size()
        + " terms of "
        + String.join(",", terms).length()
        + " chars joined, highAmount "
        + spec.getScoring().getHighAmount()
        + ", elevatedAmount "
        + spec.getScoring().getElevatedAmount()
        + ", stageName "
        + spec.getApi().getStageName().length()
        + " chars}";
  }
}
