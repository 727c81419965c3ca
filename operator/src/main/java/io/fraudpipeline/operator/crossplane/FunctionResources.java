package io.fraudpipeline.operator.crossplane;

import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.FUNCTION_EVENT_INVOKE_CONFIG;

import io.fraudpipeline.operator.model.FunctionAliases;
import io.fraudpipeline.operator.model.FunctionDesign;
import io.fraudpipeline.operator.model.FunctionRole;
import io.fraudpipeline.operator.model.StackComponents;
import io.fraudpipeline.operator.model.StreamMappingDesign;
import io.fraudpipeline.operator.stack.FunctionObjects;
import io.fraudpipeline.operator.stack.Needs;
import io.fraudpipeline.operator.stack.ObjectBuilder;
import io.fraudpipeline.operator.stack.Output;
import io.fraudpipeline.operator.stack.ResourceType;
import io.fraudpipeline.operator.stack.StackBuild;
import java.util.List;
import java.util.Map;

/**
 * Log groups, the functions (with SnapStart, the two serving ones each with its {@code live}
 * alias), the scorer's async failure destination, the stream mapping: the designs in the provider's
 * shapes. Where SnapStart is off, callers name the function itself and no alias exists.
 */
final class FunctionResources {

  private FunctionResources() {}

  static void logGroups(StackBuild build) {
    FunctionObjects.logGroups(
        build,
        (group, awsName, days) ->
            group.annotate(CrossplaneDialect.EXTERNAL_NAME, awsName).set("retentionInDays", days));
  }

  static void functions(StackBuild build) {
    FunctionObjects.functions(
        build, FunctionResources::function, aliased(build), CrossplaneApiAccess.INSTANCE);
  }

  private static ObjectBuilder function(StackBuild build, FunctionDesign fn) {
    ObjectBuilder mr =
        build
            .object(ResourceType.FUNCTION, StackComponents.function(fn.role()))
            .annotate(CrossplaneDialect.EXTERNAL_NAME, fn.awsName())
            .ref("roleRef", build.name(StackComponents.role(fn.role())))
            .set("packageType", fn.packageType());
    if (fn.code().isImage()) {
      mr.set("imageUri", fn.code().getImageUri())
          .set("imageConfig", Map.of("command", List.of(fn.handler())));
    } else {
      mr.set("runtime", fn.runtime())
          .set("handler", fn.handler())
          .set("s3Bucket", fn.code().getS3Bucket())
          .set("s3Key", fn.code().getS3Key())
          .set("s3ObjectVersion", fn.code().getS3ObjectVersion())
          .set("sourceCodeHash", fn.code().getSha256());
    }
    return FunctionObjects.configuration(mr, fn, fn.reservedConcurrency());
  }

  /** With SnapStart, a {@code live} alias per function on the version it last published. */
  static void aliases(StackBuild build) {
    if (!aliased(build)) {
      return;
    }
    for (FunctionRole f : FunctionRole.SERVING) {
      FunctionDesign fn = FunctionDesign.of(build.spec, build.names, f);
      Needs needs = build.needs();
      String version =
          needs.output(ResourceType.FUNCTION, StackComponents.function(f), Output.VERSION);
      build.emit(
          build
              .object(ResourceType.ALIAS, StackComponents.alias(f))
              .annotate(CrossplaneDialect.EXTERNAL_NAME, FunctionAliases.LIVE)
              // the name rather than a reference: it already waits for the Function's version
              .set("functionName", fn.awsName())
              .set("functionVersion", version)
              .set("description", fn.aliasDescription()),
          needs);
    }
  }

  private static boolean aliased(StackBuild build) {
    return FunctionAliases.enabled(build.spec.getFunctions());
  }

  /** The ARN callers invoke: the {@code live} alias's with SnapStart, else the function's. */
  static String invokedArn(StackBuild build, Needs needs, FunctionRole f) {
    return aliased(build)
        ? needs.output(ResourceType.ALIAS, StackComponents.alias(f), Output.ARN)
        : needs.output(ResourceType.FUNCTION, StackComponents.function(f), Output.ARN);
  }

  /**
   * The qualifier of a caller that names the function and a qualifier apart (permissions, the async
   * invoke config): {@code live} with SnapStart, else none. With SnapStart the caller waits until
   * the alias exists, since Lambda refuses a qualifier it does not know.
   */
  static String qualifier(StackBuild build, Needs needs, FunctionRole f) {
    if (!aliased(build)) {
      return null;
    }
    needs.output(ResourceType.ALIAS, StackComponents.alias(f), Output.ARN);
    return FunctionAliases.LIVE;
  }

  /** Failed async invocations of the scorer (after Lambda's retries) land in its queue. */
  static void scorerFailureDestination(StackBuild build) {
    Needs needs = build.needs();
    // functionName has no provider-resolved reference on this kind: wait until the function exists
    needs.output(ResourceType.FUNCTION, StackComponents.function(FunctionRole.SCORER), Output.ARN);
    String qualifier = qualifier(build, needs, FunctionRole.SCORER);
    ObjectBuilder config = build.object(FUNCTION_EVENT_INVOKE_CONFIG, "scorer-async");
    build.emit(
        config
            .set("functionName", build.names.function(FunctionRole.SCORER))
            .set("qualifier", qualifier)
            .set(
                "destinationConfig",
                onFailure(build, config, "destinationRef", FunctionRole.SCORER)),
        needs);
  }

  /** {@link StreamMappingDesign#immutableIdentity} as the provider names it. */
  private static final List<String> IMMUTABLE_MAPPING_FIELDS =
      List.of("eventSourceArn", "startingPosition");

  /** Lambda cannot change a mapping's source or starting position: the provider replaces it. */
  static void streamMapping(StackBuild build) {
    StreamMappingDesign stream = StreamMappingDesign.of(build.spec.getStream());
    Needs needs = build.needs();
    String streamArn =
        needs.output(ResourceType.TABLE, StackComponents.TRANSACTIONS_TABLE, Output.STREAM_ARN);
    ObjectBuilder mapping =
        build
            .object(ResourceType.EVENT_SOURCE_MAPPING, StackComponents.PROCESSOR_STREAM)
            .set("eventSourceArn", streamArn);
    if (aliased(build)) {
      // the reference would resolve to the unqualified function: name the alias by its ARN
      mapping.set("functionName", invokedArn(build, needs, FunctionRole.PROCESSOR));
    } else {
      mapping.ref("functionNameRef", build.name(StackComponents.function(FunctionRole.PROCESSOR)));
    }
    FunctionObjects.streamSettings(mapping, stream)
        .set("filterCriteria", Map.of("filter", List.of(Map.of("pattern", stream.filterPattern()))))
        // stream failures never reach a function's DLQ: the mapping sends them itself
        .set(
            "destinationConfig",
            onFailure(build, mapping, "destinationArnRef", FunctionRole.PROCESSOR));
    build
        .observed
        .find(mapping.kind(), mapping.name())
        .ifPresent(
            current ->
                build.replaces(
                    mapping, current, IMMUTABLE_MAPPING_FIELDS, stream.replacementCost()));
    build.emit(mapping, needs);
  }

  /** {@code onFailure} to a function's dead-letter queue, by reference. */
  private static Map<String, Object> onFailure(
      StackBuild build, ObjectBuilder object, String referenceField, FunctionRole f) {
    return Map.of(
        "onFailure",
        Map.of(referenceField, object.reference(build.name(StackComponents.deadLetterQueue(f)))));
  }
}
