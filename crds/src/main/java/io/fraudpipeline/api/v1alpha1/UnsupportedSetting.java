package io.fraudpipeline.api.v1alpha1;

import java.util.Objects;

/** A setting of the spec the pipeline's backend cannot apply, and why: reported, never dropped. */
public class UnsupportedSetting {

  private String field;
  private String reason;

  public UnsupportedSetting() {}

  public UnsupportedSetting(String field, String reason) {
    this.field = field;
    this.reason = reason;
  }

  public String getField() {
    return field;
  }

  public void setField(String field) {
    this.field = field;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnsupportedSetting u
        && Objects.equals(field, u.field)
        && Objects.equals(reason, u.reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(field, reason);
  }
}
