package io.fraudpipeline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum DeletionPolicy {
  /** Keep the tables, and their data, in AWS when the pipeline is deleted. */
  @JsonProperty("Retain")
  RETAIN,
  /** Delete every AWS resource with the pipeline. */
  @JsonProperty("Delete")
  DELETE
}
