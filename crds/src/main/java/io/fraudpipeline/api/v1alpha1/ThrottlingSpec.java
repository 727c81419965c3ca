package io.fraudpipeline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Stage-wide throttling of the REST API. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ThrottlingSpec {

  @Default("1000")
  @Min(0)
  @Max(1000000)
  @JsonPropertyDescription("Steady-state requests per second.")
  private Double rateLimit = 1000.0;

  @Default("2000")
  @Min(0)
  @Max(1000000)
  @JsonPropertyDescription("Burst of requests.")
  private Integer burstLimit = 2000;

  public Double getRateLimit() {
    return rateLimit;
  }

  public void setRateLimit(Double rateLimit) {
    this.rateLimit = rateLimit;
  }

  public Integer getBurstLimit() {
    return burstLimit;
  }

  public void setBurstLimit(Integer burstLimit) {
    this.burstLimit = burstLimit;
  }
}
