package io.fraudpipeline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

/** Which Crossplane ProviderConfig (namespaced) or ClusterProviderConfig the MRs use. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProviderConfigRef {

  @Default("ClusterProviderConfig")
  private ProviderConfigKind kind = ProviderConfigKind.CLUSTER_PROVIDER_CONFIG;

  @Default("default")
  @Pattern("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$")
  private String name = "default";

  public ProviderConfigKind getKind() {
    return kind;
  }

  public void setKind(ProviderConfigKind kind) {
    this.kind = kind;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
