package io.fraudpipeline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;
import io.fraudpipeline.functions.contract.SettingRules;

/** The event source mapping from the transactions stream to the processor. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StreamSpec {

  @Default(SettingRules.BATCH_SIZE_DEFAULT)
  @Min(SettingRules.BATCH_SIZE_MIN)
  @Max(SettingRules.BATCH_SIZE_MAX)
  private Integer batchSize = Integer.valueOf(SettingRules.BATCH_SIZE_DEFAULT);

  @Default(SettingRules.MAXIMUM_RETRY_ATTEMPTS_DEFAULT)
  @Min(SettingRules.MAXIMUM_RETRY_ATTEMPTS_MIN)
  @Max(SettingRules.MAXIMUM_RETRY_ATTEMPTS_MAX)
  @JsonPropertyDescription("Retries of a failing batch; -1 retries until the record expires.")
  private Integer maximumRetryAttempts =
      Integer.valueOf(SettingRules.MAXIMUM_RETRY_ATTEMPTS_DEFAULT);

  @Default("LATEST")
  private StartingPosition startingPosition = StartingPosition.LATEST;

  @Default("3600")
  @Min(-1)
  @Max(604800)
  @ValidationRule(
      value = "self == -1 || self >= 60",
      message = "must be -1 (no limit) or between 60 and 604800")
  private Integer maximumRecordAgeSeconds = 3600;

  @Default("1")
  @Min(1)
  @Max(10)
  private Integer parallelizationFactor = 1;

  public Integer getBatchSize() {
    return batchSize;
  }

  public void setBatchSize(Integer batchSize) {
    this.batchSize = batchSize;
  }

  public Integer getMaximumRetryAttempts() {
    return maximumRetryAttempts;
  }

  public void setMaximumRetryAttempts(Integer maximumRetryAttempts) {
    this.maximumRetryAttempts = maximumRetryAttempts;
  }

  public StartingPosition getStartingPosition() {
    return startingPosition;
  }

  public void setStartingPosition(StartingPosition startingPosition) {
    this.startingPosition = startingPosition;
  }

  public Integer getMaximumRecordAgeSeconds() {
    return maximumRecordAgeSeconds;
  }

  public void setMaximumRecordAgeSeconds(Integer maximumRecordAgeSeconds) {
    this.maximumRecordAgeSeconds = maximumRecordAgeSeconds;
  }

  public Integer getParallelizationFactor() {
    return parallelizationFactor;
  }

  public void setParallelizationFactor(Integer parallelizationFactor) {
    this.parallelizationFactor = parallelizationFactor;
  }
}
