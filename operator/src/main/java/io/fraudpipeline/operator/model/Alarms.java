package io.fraudpipeline.operator.model;

import io.fraudpipeline.api.v1alpha1.AlarmsSpec;
import io.fraudpipeline.api.v1alpha1.FraudPipelineSpec;
import io.fraudpipeline.functions.contract.FraudMetrics;
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

  /** CloudWatch refuses an alarm whose periods times evaluation periods exceed a day. */
  static final int MAX_EVALUATED_SECONDS = 86_400;

  private Alarms() {}

  public static List<AlarmDesign> of(String pipeline, AwsNames names, FraudPipelineSpec spec) {
    AlarmsSpec alarmsSpec = spec.getAlarms();
    List<AlarmDesign> alarms = new ArrayList<>();
    for (FunctionRole f : FunctionRole.SERVING) {
      alarms.add(errorRate(names, f, alarmsSpec));
    }
    for (FunctionRole f : FunctionRole.SERVING) {
      alarms.add(deadLetterDepth(names, f, alarmsSpec));
    }
    alarms.add(iteratorAge(names, alarmsSpec));
    alarms.add(api5xx(names, alarmsSpec, spec.getApi().getStageName()));
    if (CheckDesign.runs(spec)) {
      alarms.add(notScoring(pipeline, names, alarmsSpec, CheckDesign.of(spec.getCheck(), names)));
    }
    return alarms;
  }

  /**
   * The pipeline does not score: the check failed, or reported nothing in a period of its interval
   * (a stopped schedule, a check that cannot start), which is as bad.
   */
  static AlarmDesign notScoring(
      String pipeline, AwsNames names, AlarmsSpec spec, CheckDesign check) {
    int period = Math.max(spec.getPeriodSeconds(), check.intervalSeconds());
    return new AlarmDesign(
        names.notScoringAlarm(),
        "Pipeline "
            + pipeline
            + " is not scoring: its check failed or stopped reporting (see the log of "
            + names.function(FunctionRole.CHECK)
            + ")",
        List.of(
            AlarmDesign.Query.metric(
                "m",
                new AlarmDesign.Metric(
                    FraudMetrics.NAMESPACE,
                    FraudMetrics.CHECK_SUCCEEDED,
                    Map.of(FraudMetrics.PIPELINE, pipeline),
                    period,
                    "Minimum"),
                true)),
        "LessThanThreshold",
        1,
        // CloudWatch evaluates at most a day of periods
        Math.max(1, Math.min(spec.getEvaluationPeriods(), MAX_EVALUATED_SECONDS / period)),
        "breaching");
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
