package io.fraudpipeline.operator.crossplane;

import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.ALIAS;
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
import io.fraudpipeline.operator.model.FunctionAliases;
import io.fraudpipeline.operator.model.FunctionEnvironment;
import io.fraudpipeline.operator.model.FunctionRole;
import io.fraudpipeline.operator.model.StackComponents;
import io.fraudpipeline.operator.model.StreamMapping;
import java.util.List;
import java.util.Map;

/**
 * Log groups, the two functions (with SnapStart, each with its {@code live} alias), the scorer's
 * async failure destination, the stream mapping.
 */
final class FunctionResources {

  private FunctionResources() {}

  static void logGroups(StackContext ctx) {
    for (FunctionRole f : FunctionRole.values()) {
      ctx.emit(
          ctx.mr(LOG_GROUP, StackComponents.logGroup(f))
              .externalName(ctx.names.logGroup(f))
              .set("retentionInDays", ctx.spec.getFunctions().getLogRetentionDays()));
    }
  }

  static void functions(StackContext ctx) {
    FunctionsSpec fs = ctx.spec.getFunctions();
    ctx.emit(
        function(ctx, FunctionRole.PROCESSOR, fs.getProcessor())
            .set(
                "environment",
                Map.of(
                    "variables",
                    FunctionEnvironment.processor(ctx.names, FunctionAliases.enabled(fs)))));

    Needs needs = ctx.needs();
    String alertTopicArn =
        needs.atProvider(TOPIC, ctx.mrName(StackComponents.ALERT_TOPIC), StatusFields.ARN);
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

  /**
   * With SnapStart, a {@code live} alias per function on the version its Function last published
   * (its status {@code version}): a code or configuration change publishes a new version, and the
   * alias follows once the provider reports it.
   */
  static void aliases(StackContext ctx) {
    if (!FunctionAliases.enabled(ctx.spec.getFunctions())) {
      return;
    }
    for (FunctionRole f : FunctionRole.values()) {
      Needs needs = ctx.needs();
      String version =
          needs.atProvider(FUNCTION, ctx.mrName(StackComponents.function(f)), StatusFields.VERSION);
      ctx.emit(
          ctx.mr(ALIAS, StackComponents.alias(f))
              .externalName(FunctionAliases.LIVE)
              // the name rather than a reference: it already waits for the Function's version
              .set("functionName", ctx.names.function(f))
              .set("functionVersion", version)
              .set(
                  "description",
                  "The version every caller of " + ctx.names.function(f) + " invokes"),
          needs);
    }
  }

  /**
   * The ARN callers invoke: the {@code live} alias's with SnapStart, else the function's. Recorded
   * in {@code needs} when the provider has not reported it yet.
   */
  static String invokedArn(StackContext ctx, Needs needs, FunctionRole f) {
    return FunctionAliases.enabled(ctx.spec.getFunctions())
        ? needs.atProvider(ALIAS, ctx.mrName(StackComponents.alias(f)), StatusFields.ARN)
        : needs.atProvider(FUNCTION, ctx.mrName(StackComponents.function(f)), StatusFields.ARN);
  }

  /**
   * The qualifier of a caller that names the function and a qualifier apart (permissions, the async
   * invoke config): {@code live} with SnapStart, else none. With SnapStart the caller waits until
   * the alias exists, since Lambda refuses a qualifier it does not know.
   */
  static String qualifier(StackContext ctx, Needs needs, FunctionRole f) {
    if (!FunctionAliases.enabled(ctx.spec.getFunctions())) {
      return null;
    }
    needs.atProvider(ALIAS, ctx.mrName(StackComponents.alias(f)), StatusFields.ARN);
    return FunctionAliases.LIVE;
  }

  private static MrBuilder function(StackContext ctx, FunctionRole f, FunctionSettings settings) {
    FunctionsSpec fs = ctx.spec.getFunctions();
    FunctionCode code = fs.getCode();
    MrBuilder mr =
        ctx.mr(FUNCTION, StackComponents.function(f))
            .externalName(ctx.names.function(f))
            .ref("roleRef", ctx.mrName(StackComponents.role(f)));
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
    if (FunctionAliases.enabled(fs)) {
      // SnapStart snapshots published versions only
      mr.set("publish", true)
          .set("snapStart", Map.of("applyOn", FunctionAliases.APPLY_ON_PUBLISHED_VERSIONS));
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
        FUNCTION, ctx.mrName(StackComponents.function(FunctionRole.SCORER)), StatusFields.ARN);
    String qualifier = qualifier(ctx, needs, FunctionRole.SCORER);
    ctx.emit(
        ctx.mr(FUNCTION_EVENT_INVOKE_CONFIG, Components.SCORER_ASYNC)
            .set("functionName", ctx.names.function(FunctionRole.SCORER))
            .set("qualifier", qualifier)
            .set(
                "destinationConfig",
                Map.of(
                    "onFailure",
                    Map.of(
                        "destinationRef",
                        MrBuilder.ref(
                            ctx.mrName(StackComponents.deadLetterQueue(FunctionRole.SCORER)))))),
        needs);
  }

  static void streamMapping(StackContext ctx) {
    Needs needs = ctx.needs();
    String streamArn =
        needs.atProvider(
            TABLE, ctx.mrName(StackComponents.TRANSACTIONS_TABLE), StatusFields.STREAM_ARN);
    StreamSpec stream = ctx.spec.getStream();
    MrBuilder mapping =
        ctx.mr(EVENT_SOURCE_MAPPING, StackComponents.PROCESSOR_STREAM)
            .set("eventSourceArn", streamArn);
    if (FunctionAliases.enabled(ctx.spec.getFunctions())) {
      // the reference would resolve to the unqualified function: name the alias by its ARN
      mapping.set("functionName", invokedArn(ctx, needs, FunctionRole.PROCESSOR));
    } else {
      mapping.ref("functionNameRef", ctx.mrName(StackComponents.function(FunctionRole.PROCESSOR)));
    }
    ctx.emit(
        mapping
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
                            ctx.mrName(StackComponents.deadLetterQueue(FunctionRole.PROCESSOR)))))),
        needs);
  }
}
