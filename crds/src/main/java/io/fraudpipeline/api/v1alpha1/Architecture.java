package io.fraudpipeline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum Architecture {
  @JsonProperty("x86_64")
  X86_64("x86_64"),
  @JsonProperty("arm64")
  ARM64("arm64");

  private final String value;

  Architecture(String value) {
    this.value = value;
  }

  /** The name AWS and the API use. */
  public String value() {
    return value;
  }
}
