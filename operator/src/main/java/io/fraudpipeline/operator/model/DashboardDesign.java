package io.fraudpipeline.operator.model;

import io.fraudpipeline.api.v1alpha1.FraudPipelineSpec;
import io.fraudpipeline.functions.contract.FraudMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline's CloudWatch dashboard in CloudWatch's own terms (PutDashboard), whichever backend
 * makes it: a grid of graphs of what AWS publishes for the stack's resources and what the functions
 * emit ({@link FraudMetrics}), named exactly as the stack names them, and the state of every alarm.
 * The body is written with a fixed key order, so a render is byte for byte the same.
 */
public record DashboardDesign(String name, List<Widget> widgets) {

  /** One line of a graph: a metric by its namespace, name and dimensions, and how it is summed. */
  public record Line(
      String namespace, String metric, Map<String, String> dimensions, String stat, String label) {}

  /** A graph of lines, or (with no lines) the state of the alarms the body names. */
  public record Widget(String title, List<Line> lines, boolean stacked) {

    boolean isAlarms() {
      return lines.isEmpty();
    }
  }

  public static final String ALARMS_TITLE = "Alarms";

  /** Graphs per row of CloudWatch's 24-column grid, and the size of each. */
  private static final int PER_ROW = 3;

  private static final int WIDTH = 24 / PER_ROW;
  private static final int HEIGHT = 6;

  private static final String LAMBDA = "AWS/Lambda";
  private static final String API_GATEWAY = "AWS/ApiGateway";
  private static final String SQS = "AWS/SQS";

  public static DashboardDesign of(String pipeline, AwsNames names, FraudPipelineSpec spec) {
    List<FunctionRole> functions = FunctionRole.deployed(spec);
    List<Widget> widgets = new ArrayList<>();
    widgets.add(new Widget(ALARMS_TITLE, List.of(), false));
    if (CheckDesign.runs(spec)) {
      widgets.add(
          graph(
              "Pipeline check",
              fraud(
                  pipeline, FraudMetrics.CHECK_SUCCEEDED, "Minimum", "succeeded (1) or not (0)")));
      widgets.add(
          graph(
              "Check: POST to score (ms)",
              fraud(pipeline, FraudMetrics.CHECK_LATENCY, "Average", "average"),
              fraud(pipeline, FraudMetrics.CHECK_LATENCY, "Maximum", "maximum")));
    }
    Map<String, String> api = new LinkedHashMap<>();
    api.put("ApiName", names.restApi());
    api.put("Stage", spec.getApi().getStageName());
    widgets.add(graph("API requests", new Line(API_GATEWAY, "Count", api, "Sum", "requests")));
    widgets.add(
        graph(
            "API errors",
            new Line(API_GATEWAY, "4XXError", api, "Sum", "4xx"),
            new Line(API_GATEWAY, "5XXError", api, "Sum", "5xx")));
    widgets.add(
        graph(
            "API latency (ms)",
            new Line(API_GATEWAY, "Latency", api, "Average", "average"),
            new Line(API_GATEWAY, "Latency", api, "p99", "p99")));
    widgets.add(perFunction(names, functions, "Invocations", "Invocations", "Sum"));
    widgets.add(perFunction(names, functions, "Errors", "Errors", "Sum"));
    widgets.add(perFunction(names, functions, "Throttles", "Throttles", "Sum"));
    widgets.add(perFunction(names, functions, "Duration (ms)", "Duration", "Average"));
    widgets.add(perFunction(names, functions, "Concurrency", "ConcurrentExecutions", "Maximum"));
    widgets.add(
        graph(
            "Stream iterator age (ms)",
            new Line(
                LAMBDA,
                "IteratorAge",
                function(names, FunctionRole.PROCESSOR),
                "Maximum",
                "processor")));
    List<Line> queues = new ArrayList<>();
    for (FunctionRole f : FunctionRole.SERVING) {
      queues.add(
          new Line(
              SQS,
              "ApproximateNumberOfMessagesVisible",
              Map.of("QueueName", names.deadLetterQueue(f)),
              "Maximum",
              f.shortName()));
    }
    widgets.add(new Widget("Dead-letter queues (messages)", queues, false));
    widgets.add(
        graph(
            "Transactions",
            fraud(pipeline, FraudMetrics.TRANSACTIONS_ACCEPTED, "Sum", "accepted"),
            fraud(pipeline, FraudMetrics.TRANSACTIONS_SCORED, "Sum", "scored"),
            fraud(pipeline, FraudMetrics.ALERTS_RAISED, "Sum", "alerts")));
    widgets.add(
        graph("Alert rate (%)", fraud(pipeline, FraudMetrics.ALERT_RATE, "Average", "alert rate")));
    List<Line> buckets = new ArrayList<>();
    for (String bucket : FraudMetrics.SCORE_BUCKETS) {
      Map<String, String> dims = new LinkedHashMap<>();
      dims.put(FraudMetrics.PIPELINE, pipeline);
      dims.put(FraudMetrics.SCORE_BUCKET, bucket);
      buckets.add(
          new Line(FraudMetrics.NAMESPACE, FraudMetrics.TRANSACTIONS_SCORED, dims, "Sum", bucket));
    }
    widgets.add(new Widget("Score distribution", buckets, true));
    widgets.add(
        graph(
            "Scoring latency (ms)",
            fraud(pipeline, FraudMetrics.SCORING_LATENCY, "Average", "average"),
            fraud(pipeline, FraudMetrics.SCORING_LATENCY, "p99", "p99")));
    return new DashboardDesign(names.dashboard(), widgets);
  }

  /**
   * PutDashboard's body: the widgets on the grid, each graph's lines as {@code [namespace, metric,
   * dimension, value, ..., {stat, label}]}, the alarm widget listing {@code alarmArns}.
   */
  public String body(String region, int periodSeconds, List<String> alarmArns) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < widgets.size(); i++) {
      Widget w = widgets.get(i);
      Map<String, Object> widget = new LinkedHashMap<>();
      widget.put("type", w.isAlarms() ? "alarm" : "metric");
      widget.put("x", (i % PER_ROW) * WIDTH);
      widget.put("y", (i / PER_ROW) * HEIGHT);
      widget.put("width", WIDTH);
      widget.put("height", HEIGHT);
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("title", w.title());
      if (w.isAlarms()) {
        properties.put("alarms", alarmArns);
      } else {
        properties.put("view", "timeSeries");
        properties.put("stacked", w.stacked());
        properties.put("region", region);
        properties.put("period", periodSeconds);
        properties.put("metrics", w.lines().stream().map(DashboardDesign::metric).toList());
      }
      widget.put("properties", properties);
      out.add(widget);
    }
    return Json.write(Map.of("widgets", out));
  }

  /**
   * The dashboard in the AWS console of the region's partition; null where the partition has no
   * public console (the ISO regions).
   */
  public static String consoleUrl(String region, String dashboardName) {
    String console =
        switch (AwsPartition.of(region)) {
          case "aws" -> "https://" + region + ".console.aws.amazon.com";
          case "aws-us-gov" -> "https://console.amazonaws-us-gov.com";
          case "aws-cn" -> "https://console.amazonaws.cn";
          default -> null;
        };
    return console == null
        ? null
        : console + "/cloudwatch/home?region=" + region + "#dashboards/dashboard/" + dashboardName;
  }

  private static List<Object> metric(Line line) {
    List<Object> m = new ArrayList<>();
    m.add(line.namespace());
    m.add(line.metric());
    line.dimensions()
        .forEach(
            (k, v) -> {
              m.add(k);
              m.add(v);
            });
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("stat", line.stat());
    options.put("label", line.label());
    m.add(options);
    return m;
  }

  private static Widget graph(String title, Line... lines) {
    return new Widget(title, List.of(lines), false);
  }

  private static Line fraud(String pipeline, String metric, String stat, String label) {
    return new Line(
        FraudMetrics.NAMESPACE, metric, Map.of(FraudMetrics.PIPELINE, pipeline), stat, label);
  }

  private static Map<String, String> function(AwsNames names, FunctionRole f) {
    return Map.of("FunctionName", names.function(f));
  }

  private static Widget perFunction(
      AwsNames names, List<FunctionRole> functions, String title, String metric, String stat) {
    List<Line> lines = new ArrayList<>();
    for (FunctionRole f : functions) {
      lines.add(new Line(LAMBDA, metric, function(names, f), stat, f.shortName()));
    }
    return new Widget(title, lines, false);
  }
}
