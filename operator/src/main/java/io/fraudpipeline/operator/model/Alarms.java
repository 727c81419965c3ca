package io.fraudpipeline.operator.model;

import io.fraudpipeline.api.v1alpha1.AlarmsSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operational alarms of a pipeline. Error alarms compute Errors/Invocations (the average of
 * Errors is a count, not a rate) and every alarm notifies the alarm topic.
 */
public final class Alarms {

  /** The processor falls behind the stream when its oldest record is older than a minute. */
  public static final int ITERATOR_AGE_THRESHOLD_MS = 60_000;

  private Alarms() {}

  public static List<AlarmDesign> of(AwsNames names, AlarmsSpec spec, String stageName) {
    List<AlarmDesign> alarms = new ArrayList<>();
    for (FunctionRole f : FunctionRole.values()) {
      alarms.add(errorRate(names, f, spec));
    }
    for (FunctionRole f : FunctionRole.values()) {
      alarms.add(deadLetterDepth(names, f, spec));
    }
    alarms.add(iteratorAge(names, spec));
    alarms.add(api5xx(names, spec, stageName));
    return alarms;
  }

  static AlarmDesign errorRate(AwsNames names, FunctionRole f, AlarmsSpec spec) {
    Map<String, String> fn = Map.of("FunctionName", names.function(f));
    int period = spec.getPeriodSeconds();
    return new AlarmDesign(
        names.errorsAlarm(f),
        "Errors/Invocations of " + names.function(f) + " above " + spec.getErrorRatePercent() + "%",
        List.of(
            AlarmDesign.Query.metric(
                "errors", new AlarmDesign.Metric("AWS/Lambda", "Errors", fn, period, "Sum"), false),
            AlarmDesign.Query.metric(
                "invocations",
                new AlarmDesign.Metric("AWS/Lambda", "Invocations", fn, period, "Sum"),
                false),
            AlarmDesign.Query.expression(
                "error_rate",
                "IF(invocations > 0, 100 * errors / invocations, 0)",
                "Error rate (%)")),
        "GreaterThanThreshold",
        spec.getErrorRatePercent(),
        spec.getEvaluationPeriods(),
        "notBreaching");
  }

  static AlarmDesign deadLetterDepth(AwsNames names, FunctionRole f, AlarmsSpec spec) {
    return single(
        names.deadLetterDepthAlarm(f),
        "Failed events waiting in " + names.deadLetterQueue(f),
        new AlarmDesign.Metric(
            "AWS/SQS",
            "ApproximateNumberOfMessagesVisible",
            Map.of("QueueName", names.deadLetterQueue(f)),
            spec.getPeriodSeconds(),
            "Maximum"),
        0,
        spec);
  }

  static AlarmDesign iteratorAge(AwsNames names, AlarmsSpec spec) {
    return single(
        names.iteratorAgeAlarm(),
        names.function(FunctionRole.PROCESSOR) + " falls behind the transactions stream",
        new AlarmDesign.Metric(
            "AWS/Lambda",
            "IteratorAge",
            Map.of("FunctionName", names.function(FunctionRole.PROCESSOR)),
            spec.getPeriodSeconds(),
            "Maximum"),
        ITERATOR_AGE_THRESHOLD_MS,
        spec);
  }

  static AlarmDesign api5xx(AwsNames names, AlarmsSpec spec, String stageName) {
    Map<String, String> dims = new LinkedHashMap<>();
    dims.put("ApiName", names.restApi());
    dims.put("Stage", stageName);
    return single(
        names.api5xxAlarm(),
        names.restApi() + " answers with server errors",
        new AlarmDesign.Metric("AWS/ApiGateway", "5XXError", dims, spec.getPeriodSeconds(), "Sum"),
        0,
        spec);
  }

  private static AlarmDesign single(
      String name,
      String description,
      AlarmDesign.Metric metric,
      double threshold,
      AlarmsSpec spec) {
    return new AlarmDesign(
        name,
        description,
        List.of(AlarmDesign.Query.metric("m", metric, true)),
        "GreaterThanThreshold",
        threshold,
        spec.getEvaluationPeriods(),
        "notBreaching");
  }
}
