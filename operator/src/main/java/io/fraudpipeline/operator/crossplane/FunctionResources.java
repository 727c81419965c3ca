package io.fraudpipeline.operator.crossplane;

import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.EVENT_SOURCE_MAPPING;
import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.FUNCTION;
import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.FUNCTION_EVENT_INVOKE_CONFIG;
import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.LOG_GROUP;
import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.TABLE;
import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.TOPIC;

import io.fraudpipeline.api.v1alpha1.FunctionCode;
import io.fraudpipeline.api.v1alpha1.FunctionSettings;
import io.fraudpipeline.api.v1alpha1.FunctionsSpec;
import io.fraudpipeline.api.v1alpha1.StreamSpec;
import io.fraudpipeline.operator.model.FunctionEnvironment;
import io.fraudpipeline.operator.model.FunctionRole;
import io.fraudpipeline.operator.model.StreamMapping;
import java.util.List;
import java.util.Map;

/** Log groups, the two functions, the scorer's async failure destination, the stream mapping. */
final class FunctionResources {

  private FunctionResources() {}

  static void logGroups(StackContext ctx) {
    for (FunctionRole f : FunctionRole.values()) {
      ctx.emit(
          ctx.mr(LOG_GROUP, Components.logGroup(f))
              .externalName(ctx.names.logGroup(f))
              .set("retentionInDays", ctx.spec.getFunctions().getLogRetentionDays()));
    }
  }

  static void functions(StackContext ctx) {
    FunctionsSpec fs = ctx.spec.getFunctions();
    ctx.emit(
        function(ctx, FunctionRole.PROCESSOR, fs.getProcessor())
            .set("environment", Map.of("variables", FunctionEnvironment.processor(ctx.names))));

    Needs needs = ctx.needs();
    String alertTopicArn =
        needs.atProvider(TOPIC, ctx.mrName(Components.ALERT_TOPIC), StatusFields.ARN);
    MrBuilder scorer = function(ctx, FunctionRole.SCORER, fs.getScorer());
    if (needs.met()) {
      scorer.set(
          "environment",
          Map.of(
              "variables",
              FunctionEnvironment.scorer(ctx.names, ctx.spec.getScoring(), alertTopicArn)));
    }
    ctx.emit(scorer, needs);
  }

  private static MrBuilder function(StackContext ctx, FunctionRole f, FunctionSettings settings) {
    FunctionsSpec fs = ctx.spec.getFunctions();
    FunctionCode code = fs.getCode();
    MrBuilder mr =
        ctx.mr(FUNCTION, Components.function(f))
            .externalName(ctx.names.function(f))
            .ref("roleRef", ctx.mrName(Components.role(f)));
    if (code.isImage()) {
      // the image's CMD names the handler; runtime and handler are not allowed with images
      mr.set("packageType", "Image")
          .set("imageUri", code.getImageUri())
          .set("imageConfig", Map.of("command", List.of(f.handler())));
    } else {
      mr.set("packageType", "Zip")
          .set("runtime", fs.getRuntime().value())
          .set("handler", f.handler())
          .set("s3Bucket", code.getS3Bucket())
          .set("s3Key", code.getS3Key())
          .set("s3ObjectVersion", code.getS3ObjectVersion())
          .set("sourceCodeHash", code.getSha256());
    }
    return mr.set("architectures", List.of(fs.getArchitecture().value()))
        .set("memorySize", settings.getMemoryMb())
        .set("timeout", settings.getTimeoutSeconds())
        .set("reservedConcurrentExecutions", settings.getReservedConcurrency())
        .set("tracingConfig", Map.of("mode", fs.getTracing().value()));
  }

  /** Failed async invocations of the scorer (after Lambda's retries) land in its queue. */
  static void scorerFailureDestination(StackContext ctx) {
    Needs needs = ctx.needs();
    // functionName has no provider-resolved reference on this kind: wait until the function exists
    needs.atProvider(
        FUNCTION, ctx.mrName(Components.function(FunctionRole.SCORER)), StatusFields.ARN);
    ctx.emit(
        ctx.mr(FUNCTION_EVENT_INVOKE_CONFIG, Components.SCORER_ASYNC)
            .set("functionName", ctx.names.function(FunctionRole.SCORER))
            .set(
                "destinationConfig",
                Map.of(
                    "onFailure",
                    Map.of(
                        "destinationRef",
                        MrBuilder.ref(
                            ctx.mrName(Components.deadLetterQueue(FunctionRole.SCORER)))))),
        needs);
  }

  static void streamMapping(StackContext ctx) {
    Needs needs = ctx.needs();
    String streamArn =
        needs.atProvider(TABLE, ctx.mrName(Components.TRANSACTIONS_TABLE), StatusFields.STREAM_ARN);
    StreamSpec stream = ctx.spec.getStream();
    ctx.emit(
        ctx.mr(EVENT_SOURCE_MAPPING, Components.PROCESSOR_STREAM)
            .set("eventSourceArn", streamArn)
            .ref("functionNameRef", ctx.mrName(Components.function(FunctionRole.PROCESSOR)))
            .set("startingPosition", stream.getStartingPosition().value())
            .set("batchSize", stream.getBatchSize())
            .set("maximumRetryAttempts", stream.getMaximumRetryAttempts())
            .set("maximumRecordAgeInSeconds", stream.getMaximumRecordAgeSeconds())
            .set("parallelizationFactor", stream.getParallelizationFactor())
            .set("bisectBatchOnFunctionError", true)
            .set("functionResponseTypes", List.of(StreamMapping.REPORT_BATCH_ITEM_FAILURES))
            .set(
                "filterCriteria",
                Map.of("filter", List.of(Map.of("pattern", StreamMapping.INSERT_ONLY_FILTER))))
            // stream failures never reach a function's DLQ: the mapping sends them itself
            .set(
                "destinationConfig",
                Map.of(
                    "onFailure",
                    Map.of(
                        "destinationArnRef",
                        MrBuilder.ref(
                            ctx.mrName(Components.deadLetterQueue(FunctionRole.PROCESSOR)))))),
        needs);
  }
}
