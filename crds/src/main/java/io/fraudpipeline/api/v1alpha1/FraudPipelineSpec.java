package io.fraudpipeline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.LinkedHashMap;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class FraudPipelineSpec {

  /**
   * The tags a user may set: AWS's 50 per resource less the operator's own Environment tag (the
   * operator's AwsLimit.USER_TAGS; a test keeps them equal).
   */
  public static final int MAX_TAGS = 49;

  /** AWS's limit on a tag's value (the operator's AwsLimit.TAG_VALUE; a test keeps them equal). */
  public static final int MAX_TAG_VALUE_LENGTH = 256;

  @Pattern(EnvironmentSuffix.PATTERN)
  @JsonPropertyDescription(
      "Suffix of every AWS name (transactions-<suffix>, ...). Defaults to metadata.name.")
  private String environmentSuffix;

  @Required
  @Pattern("^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]$")
  @JsonPropertyDescription("AWS region of the stack, e.g. us-east-1.")
  private String region;

  @Default("Crossplane")
  @ValidationRule(
      value = "self == oldSelf",
      message =
          "backend is immutable: changing it would re-create every AWS resource; create a new"
              + " FraudPipeline instead")
  @JsonPropertyDescription(
      "Controllers that provision the AWS resources: Crossplane (managed resources of the"
          + " Crossplane AWS provider) or ACK (AWS Controllers for Kubernetes). Immutable.")
  private Backend backend = Backend.CROSSPLANE;

  @Default("{}")
  @JsonPropertyDescription(
      "Crossplane only. Crossplane provider configuration used by every managed resource. Defaults to the"
          + " ClusterProviderConfig named default.")
  private ProviderConfigRef providerConfigRef = new ProviderConfigRef();

  @Default("Retain")
  @JsonPropertyDescription(
      "Retain keeps both tables and their data in AWS when the pipeline is deleted; Delete"
          + " removes everything.")
  private DeletionPolicy deletionPolicy = DeletionPolicy.RETAIN;

  @ValidationRule(
      value = "self.all(k, !k.startsWith('aws:') && size(k) <= 128)",
      message = "tag keys must not start with 'aws:' and are at most 128 characters")
  @ValidationRule(
      value = "self.all(k, size(self[k]) <= " + MAX_TAG_VALUE_LENGTH + ")",
      message = "tag values are at most " + MAX_TAG_VALUE_LENGTH + " characters")
  @Size(max = MAX_TAGS)
  @JsonPropertyDescription(
      "Tags added to every AWS resource, beside Environment: <suffix>; at most "
          + MAX_TAGS
          + ", since AWS allows 50 and the operator adds its own.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private Map<String, String> tags = new LinkedHashMap<>();

  @Required private FunctionsSpec functions;

  @Default("{}")
  private StreamSpec stream = new StreamSpec();

  @Default("{}")
  private ApiSpec api = new ApiSpec();

  @Default("{}")
  private ScoringSpec scoring = new ScoringSpec();

  @Default("{}")
  private AlertsSpec alerts = new AlertsSpec();

  @Default("{}")
  private AlarmsSpec alarms = new AlarmsSpec();

  @Default("{}")
  private DeadLetterSpec deadLetter = new DeadLetterSpec();

  @Default("{}")
  private CheckSpec check = new CheckSpec();

  @JsonPropertyDescription(
      "Names of the ConfigMap and Secret that hand the stack's outputs to applications.")
  private OutputsSpec outputs;

  public String getEnvironmentSuffix() {
    return environmentSuffix;
  }

  public void setEnvironmentSuffix(String environmentSuffix) {
    this.environmentSuffix = environmentSuffix;
  }

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  public Backend getBackend() {
    return backend;
  }

  public void setBackend(Backend backend) {
    this.backend = backend;
  }

  public ProviderConfigRef getProviderConfigRef() {
    return providerConfigRef;
  }

  public void setProviderConfigRef(ProviderConfigRef providerConfigRef) {
    this.providerConfigRef = providerConfigRef;
  }

  public DeletionPolicy getDeletionPolicy() {
    return deletionPolicy;
  }

  public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
    this.deletionPolicy = deletionPolicy;
  }

  public Map<String, String> getTags() {
    return tags;
  }

  public void setTags(Map<String, String> tags) {
    this.tags = tags;
  }

  public FunctionsSpec getFunctions() {
    return functions;
  }

  public void setFunctions(FunctionsSpec functions) {
    this.functions = functions;
  }

  public StreamSpec getStream() {
    return stream;
  }

  public void setStream(StreamSpec stream) {
    this.stream = stream;
  }

  public ApiSpec getApi() {
    return api;
  }

  public void setApi(ApiSpec api) {
    this.api = api;
  }

  public ScoringSpec getScoring() {
    return scoring;
  }

  public void setScoring(ScoringSpec scoring) {
    this.scoring = scoring;
  }

  public AlertsSpec getAlerts() {
    return alerts;
  }

  public void setAlerts(AlertsSpec alerts) {
    this.alerts = alerts;
  }

  public AlarmsSpec getAlarms() {
    return alarms;
  }

  public void setAlarms(AlarmsSpec alarms) {
    this.alarms = alarms;
  }

  public DeadLetterSpec getDeadLetter() {
    return deadLetter;
  }

  public void setDeadLetter(DeadLetterSpec deadLetter) {
    this.deadLetter = deadLetter;
  }

  public CheckSpec getCheck() {
    return check;
  }

  public void setCheck(CheckSpec check) {
    this.check = check;
  }

  public OutputsSpec getOutputs() {
    return outputs;
  }

  public void setOutputs(OutputsSpec outputs) {
    this.outputs = outputs;
  }
}
