package io.fraudpipeline.operator.stack;

import io.fraudpipeline.operator.model.ApiDesign;
import io.fraudpipeline.operator.model.CheckDesign;
import io.fraudpipeline.operator.model.FunctionAliases;
import io.fraudpipeline.operator.model.FunctionDesign;
import io.fraudpipeline.operator.model.FunctionEnvironment;
import io.fraudpipeline.operator.model.FunctionRole;
import io.fraudpipeline.operator.model.StackComponents;
import io.fraudpipeline.operator.model.StreamMappingDesign;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The log group and function of each role, for every backend: the scorer's environment names the
 * alert topic, so the scorer waits for its ARN; the processor's names the check's role, the check's
 * the API; the dialect maps each design's shape.
 */
public final class FunctionObjects {

  /** How a backend spells a log group, given its AWS name and retention in days. */
  @FunctionalInterface
  public interface LogGroupShape {
    void map(ObjectBuilder group, String awsName, Integer retentionDays);
  }

  private FunctionObjects() {}

  public static void logGroups(StackBuild build, LogGroupShape shape) {
    for (FunctionRole f : FunctionRole.deployed(build.spec)) {
      ObjectBuilder group = build.object(ResourceType.LOG_GROUP, StackComponents.logGroup(f));
      shape.map(group, build.names.logGroup(f), build.spec.getFunctions().getLogRetentionDays());
      build.emit(group);
    }
  }

  /**
   * @param shape the function object of a design, as the backend spells it
   * @param viaAlias the processor invokes the scorer's {@code live} alias
   */
  public static void functions(
      StackBuild build,
      BiFunction<StackBuild, FunctionDesign, ObjectBuilder> shape,
      boolean viaAlias,
      ApiAccess api) {
    String pipeline = build.names.metricsPipeline();
    boolean check = CheckDesign.runs(build.spec);
    Needs p = build.needs();
    String checkRoleArn =
        check
            ? p.output(ResourceType.ROLE, StackComponents.role(FunctionRole.CHECK), Output.ARN)
            : null;
    ObjectBuilder processor = design(build, shape, FunctionRole.PROCESSOR);
    if (p.met()) {
      processor.set(
          "environment",
          variables(FunctionEnvironment.processor(pipeline, build.names, viaAlias, checkRoleArn)));
    }
    build.emit(processor, p);

    Needs s = build.needs();
    String alertTopicArn = s.output(ResourceType.TOPIC, StackComponents.ALERT_TOPIC, Output.ARN);
    ObjectBuilder scorer = design(build, shape, FunctionRole.SCORER);
    if (s.met()) {
      scorer.set(
          "environment",
          variables(
              FunctionEnvironment.scorer(
                  pipeline, build.names, build.spec.getScoring(), alertTopicArn)));
    }
    build.emit(scorer, s);

    if (check) {
      Needs c = build.needs();
      String apiId = c.output(ResourceType.REST_API, StackComponents.REST_API, Output.ID);
      ObjectBuilder checkFunction = design(build, shape, FunctionRole.CHECK);
      if (c.met()) {
        String stageUrl =
            ApiDesign.stageInvokeUrl(
                apiId, build.spec.getRegion(), build.spec.getApi().getStageName());
        checkFunction.set(
            "environment",
            variables(
                FunctionEnvironment.check(
                    pipeline, stageUrl, build.spec.getApi().getAuthorization())));
      }
      build.emit(checkFunction, c);
    }
  }

  private static ObjectBuilder design(
      StackBuild build,
      BiFunction<StackBuild, FunctionDesign, ObjectBuilder> shape,
      FunctionRole role) {
    return shape.apply(build, FunctionDesign.of(build.spec, build.names, role));
  }

  /**
   * What both backends spell as Lambda's CreateFunction does: publishing with SnapStart, the
   * architecture, memory, timeout, concurrency and tracing.
   *
   * @param reservedConcurrency as the backend takes "none reserved"
   */
  public static ObjectBuilder configuration(
      ObjectBuilder function, FunctionDesign fn, Integer reservedConcurrency) {
    if (fn.publishes()) {
      function
          .set("publish", true)
          .set("snapStart", Map.of("applyOn", FunctionAliases.APPLY_ON_PUBLISHED_VERSIONS));
    }
    return function
        .set("architectures", List.of(fn.architecture()))
        .set("memorySize", fn.memoryMb())
        .set("timeout", fn.timeoutSeconds())
        .set("reservedConcurrentExecutions", reservedConcurrency)
        .set("tracingConfig", Map.of("mode", fn.tracingMode()));
  }

  /**
   * The stream mapping's settings both backends spell as Lambda's CreateEventSourceMapping does;
   * the source, the function, the filter and the failure destination are each backend's own.
   */
  public static ObjectBuilder streamSettings(ObjectBuilder mapping, StreamMappingDesign stream) {
    return mapping
        .set("startingPosition", stream.startingPosition())
        .set("batchSize", stream.batchSize())
        .set("maximumRetryAttempts", stream.maximumRetryAttempts())
        .set("maximumRecordAgeInSeconds", stream.maximumRecordAgeSeconds())
        .set("parallelizationFactor", stream.parallelizationFactor())
        .set("bisectBatchOnFunctionError", stream.bisectBatchOnFunctionError())
        .set("functionResponseTypes", stream.functionResponseTypes());
  }

  /** Lambda's {@code Environment} shape, which both backends keep. */
  private static Map<String, Object> variables(Map<String, String> environment) {
    return Map.of("variables", environment);
  }
}
