package io.fraudpipeline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Objects;

/** One SNS subscription of a topic. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!(self.protocol in ['email', 'email-json']) || self.endpoint.contains('@')",
    message = "an email subscription needs an email address as endpoint")
@ValidationRule(
    value = "self.protocol != 'https' || self.endpoint.startsWith('https://')",
    message = "an https subscription needs an https:// endpoint")
@ValidationRule(
    value = "self.protocol != 'http' || self.endpoint.startsWith('http://')",
    message = "an http subscription needs an http:// endpoint")
public class SubscriptionSpec {

  @Required private SubscriptionProtocol protocol;

  @Required
  @Size(min = 1, max = 2048)
  private String endpoint;

  public SubscriptionSpec() {}

  public SubscriptionSpec(SubscriptionProtocol protocol, String endpoint) {
    this.protocol = protocol;
    this.endpoint = endpoint;
  }

  public SubscriptionProtocol getProtocol() {
    return protocol;
  }

  public void setProtocol(SubscriptionProtocol protocol) {
    this.protocol = protocol;
  }

  public String getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SubscriptionSpec s
        && protocol == s.protocol
        && Objects.equals(endpoint, s.endpoint);
  }

  @Override
  public int hashCode() {
    return Objects.hash(protocol, endpoint);
  }
}
