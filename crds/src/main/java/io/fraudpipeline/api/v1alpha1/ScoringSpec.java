package io.fraudpipeline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fraudpipeline.functions.contract.SettingRules;
import java.util.ArrayList;
import java.util.List;

/**
 * The scorer's rules: an amount above highAmount adds 0.5, else above elevatedAmount 0.3; a
 * high-risk merchant term adds 0.4. The functions compare amounts exactly as decimals; the
 * thresholds are plain numbers here because they are settings, not money that is stored.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.elevatedAmount <= self.highAmount",
    message = "elevatedAmount must not exceed highAmount")
public class ScoringSpec {

  public static final List<String> DEFAULT_HIGH_RISK_MERCHANTS =
      SettingRules.HIGH_RISK_MERCHANTS_DEFAULT;

  @Default(SettingRules.ALERT_THRESHOLD_DEFAULT)
  @Min(SettingRules.ALERT_THRESHOLD_MIN)
  @Max(SettingRules.ALERT_THRESHOLD_MAX)
  @JsonPropertyDescription("Alert when a score is strictly above this.")
  private Double alertThreshold = Double.valueOf(SettingRules.ALERT_THRESHOLD_DEFAULT);

  @Default(SettingRules.HIGH_AMOUNT_DEFAULT)
  @Min(SettingRules.AMOUNT_MIN)
  @JsonPropertyDescription("Amounts above this add 0.5 to the score.")
  private Double highAmount = Double.valueOf(SettingRules.HIGH_AMOUNT_DEFAULT);

  @Default(SettingRules.ELEVATED_AMOUNT_DEFAULT)
  @Min(SettingRules.AMOUNT_MIN)
  @JsonPropertyDescription("Amounts above this (and not above highAmount) add 0.3.")
  private Double elevatedAmount = Double.valueOf(SettingRules.ELEVATED_AMOUNT_DEFAULT);

  @Default(SettingRules.HIGH_RISK_MERCHANTS_DEFAULT_JSON)
  @Size(max = SettingRules.HIGH_RISK_MERCHANTS_MAX_TERMS)
  @ValidationRule(
      value =
          "self.all(m, size(m) >= 1 && size(m) <= "
              + SettingRules.HIGH_RISK_MERCHANT_MAX_LENGTH
              + " && !m.contains(','))",
      message = SettingRules.HIGH_RISK_MERCHANT_RULE)
  @JsonPropertyDescription(
      "A merchant containing one of these terms (case-insensitive) adds 0.4 to the score.")
  private List<String> highRiskMerchants = new ArrayList<>(DEFAULT_HIGH_RISK_MERCHANTS);

  @Default(SettingRules.SCORE_RETENTION_DAYS_DEFAULT)
  @Min(SettingRules.SCORE_RETENTION_DAYS_MIN)
  @Max(SettingRules.SCORE_RETENTION_DAYS_MAX)
  @JsonPropertyDescription("Days a fraud score is kept (the TTL of the fraud scores table).")
  private Integer scoreRetentionDays = Integer.valueOf(SettingRules.SCORE_RETENTION_DAYS_DEFAULT);

  public Double getAlertThreshold() {
    return alertThreshold;
  }

  public void setAlertThreshold(Double alertThreshold) {
    this.alertThreshold = alertThreshold;
  }

  public Double getHighAmount() {
    return highAmount;
  }

  public void setHighAmount(Double highAmount) {
    this.highAmount = highAmount;
  }

  public Double getElevatedAmount() {
    return elevatedAmount;
  }

  public void setElevatedAmount(Double elevatedAmount) {
    this.elevatedAmount = elevatedAmount;
  }

  public List<String> getHighRiskMerchants() {
    return highRiskMerchants;
  }

  public void setHighRiskMerchants(List<String> highRiskMerchants) {
    this.highRiskMerchants = highRiskMerchants;
  }

  public Integer getScoreRetentionDays() {
    return scoreRetentionDays;
  }

  public void setScoreRetentionDays(Integer scoreRetentionDays) {
    this.scoreRetentionDays = scoreRetentionDays;
  }
}
