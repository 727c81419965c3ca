package io.fraudpipeline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum StartingPosition {
  @JsonProperty("LATEST")
  LATEST("LATEST"),
  @JsonProperty("TRIM_HORIZON")
  TRIM_HORIZON("TRIM_HORIZON");

  private final String value;

  StartingPosition(String value) {
    this.value = value;
  }

  /** The name AWS and the API use. */
  public String value() {
    return value;
  }
}
