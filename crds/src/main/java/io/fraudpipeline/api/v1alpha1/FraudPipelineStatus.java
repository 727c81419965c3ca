package io.fraudpipeline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What the operator observed, following kstatus: Ready, Reconciling and Stalled conditions. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FraudPipelineStatus {

  private Long observedGeneration;

  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("The suffix in effect: spec.environmentSuffix, else metadata.name.")
  private String environmentSuffix;

  @JsonPropertyDescription("Invoke URL of POST /transactions.")
  private String apiEndpoint;

  @JsonPropertyDescription("The pipeline's CloudWatch dashboard in the AWS console.")
  private String dashboardUrl;

  private String transactionsTable;

  private String fraudScoresTable;

  private String alertTopicArn;

  @JsonPropertyDescription(
      "With SnapStart: the published version each function's `live` alias serves, by function"
          + " (processor, scorer).")
  private Map<String, String> liveVersions;

  private ResourceCounts resources;

  @JsonPropertyDescription("Managed resources that are not Ready yet, and why.")
  private List<PendingResource> pending = new ArrayList<>();

  @JsonPropertyDescription(
      "Settings of the spec the backend cannot apply (e.g. stage throttling with ACK), and why.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<UnsupportedSetting> unsupported = new ArrayList<>();

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public String getEnvironmentSuffix() {
    return environmentSuffix;
  }

  public void setEnvironmentSuffix(String environmentSuffix) {
    this.environmentSuffix = environmentSuffix;
  }

  public String getApiEndpoint() {
    return apiEndpoint;
  }

  public void setApiEndpoint(String apiEndpoint) {
    this.apiEndpoint = apiEndpoint;
  }

  public String getDashboardUrl() {
    return dashboardUrl;
  }

  public void setDashboardUrl(String dashboardUrl) {
    this.dashboardUrl = dashboardUrl;
  }

  public String getTransactionsTable() {
    return transactionsTable;
  }

  public void setTransactionsTable(String transactionsTable) {
    this.transactionsTable = transactionsTable;
  }

  public String getFraudScoresTable() {
    return fraudScoresTable;
  }

  public void setFraudScoresTable(String fraudScoresTable) {
    this.fraudScoresTable = fraudScoresTable;
  }

  public String getAlertTopicArn() {
    return alertTopicArn;
  }

  public void setAlertTopicArn(String alertTopicArn) {
    this.alertTopicArn = alertTopicArn;
  }

  public Map<String, String> getLiveVersions() {
    return liveVersions;
  }

  public void setLiveVersions(Map<String, String> liveVersions) {
    this.liveVersions = liveVersions;
  }

  public ResourceCounts getResources() {
    return resources;
  }

  public void setResources(ResourceCounts resources) {
    this.resources = resources;
  }

  public List<PendingResource> getPending() {
    return pending;
  }

  public void setPending(List<PendingResource> pending) {
    this.pending = pending;
  }

  public List<UnsupportedSetting> getUnsupported() {
    return unsupported;
  }

  public void setUnsupported(List<UnsupportedSetting> unsupported) {
    this.unsupported = unsupported == null ? new ArrayList<>() : unsupported;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FraudPipelineStatus s
        && Objects.equals(observedGeneration, s.observedGeneration)
        && Objects.equals(conditions, s.conditions)
        && Objects.equals(environmentSuffix, s.environmentSuffix)
        && Objects.equals(apiEndpoint, s.apiEndpoint)
        && Objects.equals(dashboardUrl, s.dashboardUrl)
        && Objects.equals(transactionsTable, s.transactionsTable)
        && Objects.equals(fraudScoresTable, s.fraudScoresTable)
        && Objects.equals(alertTopicArn, s.alertTopicArn)
        && Objects.equals(liveVersions, s.liveVersions)
        && Objects.equals(resources, s.resources)
        && Objects.equals(pending, s.pending)
        && Objects.equals(unsupported, s.unsupported);
  }

  @Override
  public int hashCode() {
    return Objects.hash(observedGeneration, conditions, apiEndpoint, resources, pending);
  }
}
