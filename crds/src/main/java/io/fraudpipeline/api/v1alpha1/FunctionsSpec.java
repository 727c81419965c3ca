package io.fraudpipeline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class FunctionsSpec {

  /** The retentions CloudWatch Logs accepts; the CEL rule on logRetentionDays lists the same. */
  public static final List<Integer> LOG_RETENTION_DAYS =
      List.of(
          1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557,
          2922, 3288, 3653);

  @Required
  @JsonPropertyDescription("Where the functions artifact is: an S3 object or a container image.")
  private FunctionCode code;

  @Default("java25")
  @JsonPropertyDescription("Lambda runtime; ignored when code.imageUri is set.")
  private FunctionRuntime runtime = FunctionRuntime.JAVA25;

  @Default("true")
  @JsonPropertyDescription(
      "Publish a version of each function on every change, turn SnapStart on for published"
          + " versions and point a 'live' alias at the latest; everything that calls a function"
          + " calls its alias. Ignored when code.imageUri is set (SnapStart takes zip deploys"
          + " only).")
  private Boolean snapStart = true;

  @Default("x86_64")
  private Architecture architecture = Architecture.X86_64;

  @Default("Active")
  @JsonPropertyDescription("X-Ray tracing mode of both functions.")
  private TracingMode tracing = TracingMode.ACTIVE;

  @Default("30")
  @ValidationRule(
      value =
          "self in [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827,"
              + " 2192, 2557, 2922, 3288, 3653]",
      message =
          "must be a CloudWatch Logs retention: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,"
              + " 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653")
  @JsonPropertyDescription("Retention of each function's CloudWatch log group, in days.")
  private Integer logRetentionDays = 30;

  @Default("{}")
  private ProcessorFunctionSpec processor = new ProcessorFunctionSpec();

  @Default("{}")
  private ScorerFunctionSpec scorer = new ScorerFunctionSpec();

  public FunctionCode getCode() {
    return code;
  }

  public void setCode(FunctionCode code) {
    this.code = code;
  }

  public FunctionRuntime getRuntime() {
    return runtime;
  }

  public void setRuntime(FunctionRuntime runtime) {
    this.runtime = runtime;
  }

  public Boolean getSnapStart() {
    return snapStart;
  }

  public void setSnapStart(Boolean snapStart) {
    this.snapStart = snapStart;
  }

  public Architecture getArchitecture() {
    return architecture;
  }

  public void setArchitecture(Architecture architecture) {
    this.architecture = architecture;
  }

  public TracingMode getTracing() {
    return tracing;
  }

  public void setTracing(TracingMode tracing) {
    this.tracing = tracing;
  }

  public Integer getLogRetentionDays() {
    return logRetentionDays;
  }

  public void setLogRetentionDays(Integer logRetentionDays) {
    this.logRetentionDays = logRetentionDays;
  }

  public ProcessorFunctionSpec getProcessor() {
    return processor;
  }

  public void setProcessor(ProcessorFunctionSpec processor) {
    this.processor = processor;
  }

  public ScorerFunctionSpec getScorer() {
    return scorer;
  }

  public void setScorer(ScorerFunctionSpec scorer) {
    this.scorer = scorer;
  }
}
