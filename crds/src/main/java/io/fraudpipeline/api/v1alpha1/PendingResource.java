package io.fraudpipeline.api.v1alpha1;

import java.util.Objects;

/** A managed resource that is not Ready, with the reason from its own conditions. */
public class PendingResource {

  private String kind;
  private String name;
  private String reason;

  public PendingResource() {}

  public PendingResource(String kind, String name, String reason) {
    this.kind = kind;
    this.name = name;
    this.reason = reason;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PendingResource p
        && Objects.equals(kind, p.kind)
        && Objects.equals(name, p.name)
        && Objects.equals(reason, p.reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, name, reason);
  }
}
