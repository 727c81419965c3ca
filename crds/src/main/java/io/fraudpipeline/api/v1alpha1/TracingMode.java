package io.fraudpipeline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum TracingMode {
  @JsonProperty("Active")
  ACTIVE("Active"),
  @JsonProperty("PassThrough")
  PASS_THROUGH("PassThrough");

  private final String value;

  TracingMode(String value) {
    this.value = value;
  }

  /** The name AWS and the API use. */
  public String value() {
    return value;
  }
}
