package io.fraudpipeline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum Authorization {
  @JsonProperty("AWS_IAM")
  AWS_IAM("AWS_IAM"),
  @JsonProperty("API_KEY")
  API_KEY("API_KEY"),
  @JsonProperty("NONE")
  NONE("NONE");

  private final String value;

  Authorization(String value) {
    this.value = value;
  }

  /** The name AWS and the API use. */
  public String value() {
    return value;
  }
}
