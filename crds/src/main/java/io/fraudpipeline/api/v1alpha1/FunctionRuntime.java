package io.fraudpipeline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum FunctionRuntime {
  @JsonProperty("java21")
  JAVA21("java21"),
  @JsonProperty("java25")
  JAVA25("java25");

  private final String value;

  FunctionRuntime(String value) {
    this.value = value;
  }

  /** The name AWS and the API use. */
  public String value() {
    return value;
  }
}
