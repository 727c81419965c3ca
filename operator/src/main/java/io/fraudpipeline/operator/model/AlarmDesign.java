package io.fraudpipeline.operator.model;

import java.util.List;
import java.util.Map;

/**
 * A CloudWatch alarm in CloudWatch's own terms (PutMetricAlarm with metric queries), independent of
 * how a backend spells it. One query has {@code returnData} true: the series the alarm watches.
 */
public record AlarmDesign(
    String name,
    String description,
    List<Query> queries,
    String comparisonOperator,
    double threshold,
    int evaluationPeriods,
    String treatMissingData) {

  /** A metric query: either a metric ({@code metric} set) or an expression over other queries. */
  public record Query(
      String id, Metric metric, String expression, String label, boolean returnData) {

    public static Query metric(String id, Metric metric, boolean returnData) {
      return new Query(id, metric, null, null, returnData);
    }

    public static Query expression(String id, String expression, String label) {
      return new Query(id, null, expression, label, true);
    }
  }

  public record Metric(
      String namespace, String name, Map<String, String> dimensions, int period, String stat) {}
}
