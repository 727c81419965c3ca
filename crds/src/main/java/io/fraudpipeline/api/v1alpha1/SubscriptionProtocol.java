package io.fraudpipeline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** SNS subscription protocols. */
public enum SubscriptionProtocol {
  @JsonProperty("email")
  EMAIL("email"),
  @JsonProperty("email-json")
  EMAIL_JSON("email-json"),
  @JsonProperty("sms")
  SMS("sms"),
  @JsonProperty("sqs")
  SQS("sqs"),
  @JsonProperty("lambda")
  LAMBDA("lambda"),
  @JsonProperty("http")
  HTTP("http"),
  @JsonProperty("https")
  HTTPS("https"),
  @JsonProperty("firehose")
  FIREHOSE("firehose"),
  @JsonProperty("application")
  APPLICATION("application");

  private final String value;

  SubscriptionProtocol(String value) {
    this.value = value;
  }

  /** The name SNS uses. */
  public String value() {
    return value;
  }
}
