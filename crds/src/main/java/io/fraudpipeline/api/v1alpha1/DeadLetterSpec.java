package io.fraudpipeline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** The two dead-letter queues. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DeadLetterSpec {

  @Default("1209600")
  @Min(60)
  @Max(1209600)
  @JsonPropertyDescription(
      "How long a failed event is kept, in seconds (SQS allows 60 to 14 days).")
  private Integer retentionSeconds = 1209600;

  public Integer getRetentionSeconds() {
    return retentionSeconds;
  }

  public void setRetentionSeconds(Integer retentionSeconds) {
    this.retentionSeconds = retentionSeconds;
  }
}
