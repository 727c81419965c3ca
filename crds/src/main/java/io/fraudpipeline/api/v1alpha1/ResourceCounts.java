package io.fraudpipeline.api.v1alpha1;

import java.util.Objects;

/** How many managed resources the pipeline wants, and how many of them are Ready. */
public class ResourceCounts {

  private Integer total;
  private Integer ready;

  public ResourceCounts() {}

  public ResourceCounts(int total, int ready) {
    this.total = total;
    this.ready = ready;
  }

  public Integer getTotal() {
    return total;
  }

  public void setTotal(Integer total) {
    this.total = total;
  }

  public Integer getReady() {
    return ready;
  }

  public void setReady(Integer ready) {
    this.ready = ready;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResourceCounts c
        && Objects.equals(total, c.total)
        && Objects.equals(ready, c.ready);
  }

  @Override
  public int hashCode() {
    return Objects.hash(total, ready);
  }
}
