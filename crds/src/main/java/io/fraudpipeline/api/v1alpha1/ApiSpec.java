package io.fraudpipeline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

/** The REST API in front of the processor. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ApiSpec {

  @Default("prod")
  @Pattern("^[A-Za-z0-9_]{1,128}$")
  private String stageName = "prod";

  @Default("AWS_IAM")
  @JsonPropertyDescription(
      "Authorization of both methods: AWS_IAM (SigV4), API_KEY (usage plan and key) or NONE.")
  private Authorization authorization = Authorization.AWS_IAM;

  @Default("{}")
  private ThrottlingSpec throttling = new ThrottlingSpec();

  public String getStageName() {
    return stageName;
  }

  public void setStageName(String stageName) {
    this.stageName = stageName;
  }

  public Authorization getAuthorization() {
    return authorization;
  }

  public void setAuthorization(Authorization authorization) {
    this.authorization = authorization;
  }

  public ThrottlingSpec getThrottling() {
    return throttling;
  }

  public void setThrottling(ThrottlingSpec throttling) {
    this.throttling = throttling;
  }
}
