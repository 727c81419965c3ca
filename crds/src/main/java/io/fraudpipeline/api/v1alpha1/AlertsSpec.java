package io.fraudpipeline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** Who hears of fraud: subscriptions of the fraud alert topic. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AlertsSpec {

  @Size(max = 100)
  @JsonPropertyDescription("SNS subscriptions of the fraud alert topic.")
  private List<SubscriptionSpec> subscriptions = new ArrayList<>();

  public List<SubscriptionSpec> getSubscriptions() {
    return subscriptions;
  }

  public void setSubscriptions(List<SubscriptionSpec> subscriptions) {
    this.subscriptions = subscriptions;
  }
}
