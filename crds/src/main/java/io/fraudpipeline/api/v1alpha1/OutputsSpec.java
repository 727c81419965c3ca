package io.fraudpipeline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** Where the stack's outputs for applications go, in the pipeline's namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class OutputsSpec {

  /** A DNS subdomain, the name rule of ConfigMaps and Secrets. */
  static final String OBJECT_NAME =
      "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

  @Pattern(OBJECT_NAME)
  @Size(max = 253)
  @JsonPropertyDescription(
      "Name of the ConfigMap with the stack's endpoint, names and ARNs; default"
          + " <pipeline>-outputs.")
  private String configMapName;

  @Pattern(OBJECT_NAME)
  @Size(max = 253)
  @JsonPropertyDescription(
      "Name of the Secret with the API key's value (api.authorization API_KEY only); default"
          + " <pipeline>-api-key.")
  private String secretName;

  public String getConfigMapName() {
    return configMapName;
  }

  public void setConfigMapName(String configMapName) {
    this.configMapName = configMapName;
  }

  public String getSecretName() {
    return secretName;
  }

  public void setSecretName(String secretName) {
    this.secretName = secretName;
  }
}
