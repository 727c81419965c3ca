package io.fraudpipeline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/** The operational alarms and who hears of them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AlarmsSpec {

  @Default("1")
  @Min(0)
  @Max(100)
  @ValidationRule(value = "self > 0.0", message = "must be above 0")
  @JsonPropertyDescription("Alarm when Errors/Invocations of a function exceeds this percentage.")
  private Double errorRatePercent = 1.0;

  @Default("300")
  @Min(10)
  @Max(86400)
  @ValidationRule(
      value = "self == 10 || self == 30 || self % 60 == 0",
      message = "must be 10, 30 or a multiple of 60 (CloudWatch periods)")
  private Integer periodSeconds = 300;

  @Default("1")
  @Min(1)
  @Max(100)
  private Integer evaluationPeriods = 1;

  @Size(max = 100)
  @JsonPropertyDescription("SNS subscriptions of the operations alarm topic.")
  private List<SubscriptionSpec> subscriptions = new ArrayList<>();

  public Double getErrorRatePercent() {
    return errorRatePercent;
  }

  public void setErrorRatePercent(Double errorRatePercent) {
    this.errorRatePercent = errorRatePercent;
  }

  public Integer getPeriodSeconds() {
    return periodSeconds;
  }

  public void setPeriodSeconds(Integer periodSeconds) {
    this.periodSeconds = periodSeconds;
  }

  public Integer getEvaluationPeriods() {
    return evaluationPeriods;
  }

  public void setEvaluationPeriods(Integer evaluationPeriods) {
    this.evaluationPeriods = evaluationPeriods;
  }

  public List<SubscriptionSpec> getSubscriptions() {
    return subscriptions;
  }

  public void setSubscriptions(List<SubscriptionSpec> subscriptions) {
    this.subscriptions = subscriptions;
  }
}
