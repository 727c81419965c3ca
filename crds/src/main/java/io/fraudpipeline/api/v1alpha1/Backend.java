package io.fraudpipeline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The Kubernetes controllers that provision a pipeline's AWS resources. */
public enum Backend {
  /** Crossplane v2 namespaced managed resources ({@code *.aws.m.upbound.io}). */
  @JsonProperty("Crossplane")
  CROSSPLANE("Crossplane"),
  /** AWS Controllers for Kubernetes resources ({@code *.services.k8s.aws}). */
  @JsonProperty("ACK")
  ACK("ACK");

  private final String value;

  Backend(String value) {
    this.value = value;
  }

  /** The name the API uses. */
  public String value() {
    return value;
  }
}
