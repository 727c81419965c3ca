package io.fraudpipeline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Sizing of the transaction processor function. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProcessorFunctionSpec implements FunctionSettings {

  @Default("512")
  @Min(128)
  @Max(10240)
  private Integer memoryMb = 512;

  @Default("60")
  @Min(1)
  @Max(900)
  private Integer timeoutSeconds = 60;

  @Default("100")
  @Min(-1)
  @Max(10000)
  @JsonPropertyDescription("Reserved concurrent executions; -1 leaves the function unreserved.")
  private Integer reservedConcurrency = 100;

  @Override
  public Integer getMemoryMb() {
    return memoryMb;
  }

  public void setMemoryMb(Integer memoryMb) {
    this.memoryMb = memoryMb;
  }

  @Override
  public Integer getTimeoutSeconds() {
    return timeoutSeconds;
  }

  public void setTimeoutSeconds(Integer timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
  }

  @Override
  public Integer getReservedConcurrency() {
    return reservedConcurrency;
  }

  public void setReservedConcurrency(Integer reservedConcurrency) {
    this.reservedConcurrency = reservedConcurrency;
  }
}
