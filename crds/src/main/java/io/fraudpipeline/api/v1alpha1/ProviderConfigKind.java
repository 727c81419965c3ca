package io.fraudpipeline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum ProviderConfigKind {
  @JsonProperty("ClusterProviderConfig")
  CLUSTER_PROVIDER_CONFIG("ClusterProviderConfig"),
  @JsonProperty("ProviderConfig")
  PROVIDER_CONFIG("ProviderConfig");

  private final String kind;

  ProviderConfigKind(String kind) {
    this.kind = kind;
  }

  /** The Kubernetes kind name, as a providerConfigRef carries it. */
  public String kindName() {
    return kind;
  }
}
