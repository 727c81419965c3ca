package io.fraudpipeline.functions.metrics;

/** The CloudWatch units the functions' metrics use. */
public enum MetricUnit {
  COUNT("Count"),
  MILLISECONDS("Milliseconds"),
  PERCENT("Percent");

  private final String cloudWatchName;

  MetricUnit(String cloudWatchName) {
    this.cloudWatchName = cloudWatchName;
  }

  /** The name CloudWatch knows the unit by. */
  public String cloudWatchName() {
    return cloudWatchName;
  }
}
