package io.fraudpipeline.operator.ack;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.operator.model.ApiDesign;
import io.fraudpipeline.operator.model.CheckDesign;
import io.fraudpipeline.operator.model.FunctionAliases;
import io.fraudpipeline.operator.model.FunctionDesign;
import io.fraudpipeline.operator.model.FunctionRole;
import io.fraudpipeline.operator.model.InvalidSpecException;
import io.fraudpipeline.operator.model.StackComponents;
import io.fraudpipeline.operator.model.StreamMappingDesign;
import io.fraudpipeline.operator.stack.CheckSchedule;
import io.fraudpipeline.operator.stack.FieldPath;
import io.fraudpipeline.operator.stack.FunctionObjects;
import io.fraudpipeline.operator.stack.Needs;
import io.fraudpipeline.operator.stack.ObjectBuilder;
import io.fraudpipeline.operator.stack.Output;
import io.fraudpipeline.operator.stack.ResourceType;
import io.fraudpipeline.operator.stack.StackBuild;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Log groups, the functions, their {@code live} aliases, the stream mapping and the check's
 * schedule, in the ACK controllers' shapes. ACK has no Permission nor invoke-config kind: both live
 * on the alias, so with ACK every caller calls the {@code live} alias, on {@code $LATEST} when
 * nothing is published.
 */
final class AckFunctions {

  /**
   * Lambda's own defaults for async invocations, written out: lambda-controller v1.14.1 panics on
   * every reconcile of an invoke config that lacks the maximum event age.
   */
  static final int ASYNC_RETRY_ATTEMPTS = 2;

  static final int ASYNC_MAX_EVENT_AGE_SECONDS = 21600;

  /** {@link StreamMappingDesign#immutableIdentity} as ACK names it. */
  private static final List<String> IMMUTABLE_MAPPING_FIELDS =
      List.of("eventSourceARN", "startingPosition");

  /** What the alias points at when no version is published (snapStart off, or an image). */
  static final String LATEST = "$LATEST";

  private AckFunctions() {}

  static void logGroups(StackBuild build) {
    FunctionObjects.logGroups(
        build,
        (group, awsName, days) ->
            // Lambda creates this group itself on a function's first log line
            AckAnnotations.adoptOrCreate(
                group.set("name", awsName).set("retentionDays", days), Map.of("name", awsName)));
  }

  static void functions(StackBuild build) {
    // with ACK every caller calls the live alias, with or without SnapStart
    FunctionObjects.functions(build, AckFunctions::function, true, AckApiAccess.INSTANCE);
    var code = build.spec.getFunctions().getCode();
    if (!code.isImage() && code.getSha256() == null) {
      build.unsupported(
          "spec.functions.code.sha256",
          "unset: ACK deploys a new zip only when code.sha256 changes, so a new s3Key or"
              + " s3ObjectVersion alone never reaches the functions; set it to the zip's base64"
              + " SHA-256");
    }
  }

  private static ObjectBuilder function(StackBuild build, FunctionDesign fn) {
    FunctionRole f = fn.role();
    ObjectBuilder mr = build.object(ResourceType.FUNCTION, StackComponents.function(f));
    refuseSwitchingPackageType(build, mr, fn);
    mr.set("name", fn.awsName()).ref("roleRef", build.name(StackComponents.role(f)));
    Map<String, Object> code = new LinkedHashMap<>();
    if (fn.code().isImage()) {
      code.put("imageURI", fn.code().getImageUri());
      mr.set("packageType", fn.packageType())
          .set("code", code)
          .set("imageConfig", Map.of("command", List.of(fn.handler())));
    } else {
      code.put("s3Bucket", fn.code().getS3Bucket());
      code.put("s3Key", fn.code().getS3Key());
      if (fn.code().getS3ObjectVersion() != null) {
        code.put("s3ObjectVersion", fn.code().getS3ObjectVersion());
      }
      if (fn.code().getSha256() != null) {
        code.put("sha256", fn.code().getSha256());
      }
      mr.set("packageType", fn.packageType())
          .set("runtime", fn.runtime())
          .set("handler", fn.handler())
          .set("code", code);
    }
    // -1 is the API's "unreserved": ACK takes that as no reservation set
    return FunctionObjects.configuration(
        mr, fn, fn.reservedConcurrency() < 0 ? null : fn.reservedConcurrency());
  }

  /** Lambda cannot switch a function between zip and image, and ACK would keep trying. */
  private static void refuseSwitchingPackageType(
      StackBuild build, ObjectBuilder mr, FunctionDesign fn) {
    build
        .observed
        .find(mr.kind(), mr.name())
        .map(o -> FieldPath.get(o, "spec", "packageType"))
        .filter(observed -> !fn.packageType().equals(observed))
        .ifPresent(
            observed -> {
              throw new InvalidSpecException(
                  "spec.functions.code",
                  "switches the functions from "
                      + observed
                      + " to "
                      + fn.packageType()
                      + ", which Lambda cannot do to an existing function and ACK does not"
                      + " replace: go back to the previous kind of code, or create the pipeline"
                      + " again (with Retain the tables stay and are adopted)");
            });
  }

  /**
   * The {@code live} alias of each function: the published version (SnapStart) or {@code $LATEST}.
   * The processor's carries the API's invoke grants; the scorer's the async-invoke config, as the
   * processor invokes the alias.
   */
  static void aliases(StackBuild build, String restApiId, String account) {
    Needs p = build.needs();
    ObjectBuilder processor = alias(build, FunctionRole.PROCESSOR, p);
    if (restApiId != null && account != null) {
      String api = AckApiAccess.executionArn(build, account, restApiId);
      List<Object> permissions = new ArrayList<>();
      for (ApiDesign.InvokeGrant grant : ApiDesign.INVOKE_GRANTS) {
        Map<String, Object> permission = new LinkedHashMap<>();
        permission.put("statementID", grant.statementId());
        permission.put("action", "lambda:InvokeFunction");
        permission.put("principal", "apigateway.amazonaws.com");
        permission.put("sourceARN", grant.sourceArn(api));
        permissions.add(permission);
      }
      processor.set("permissions", permissions);
    } else {
      p.waitFor("RestAPI " + build.name(StackComponents.REST_API) + " id and ownerAccountID");
    }
    build.emit(processor, p);

    Needs s = build.needs();
    String dlq =
        s.output(
            ResourceType.QUEUE, StackComponents.deadLetterQueue(FunctionRole.SCORER), Output.ARN);
    Map<String, Object> invoke = new LinkedHashMap<>();
    invoke.put("maximumRetryAttempts", ASYNC_RETRY_ATTEMPTS);
    invoke.put("maximumEventAgeInSeconds", ASYNC_MAX_EVENT_AGE_SECONDS);
    invoke.put("destinationConfig", onFailure(dlq));
    build.emit(alias(build, FunctionRole.SCORER, s).set("functionEventInvokeConfig", invoke), s);
    checkAlias(build);
  }

  /**
   * The check's alias carries the grant that lets EventBridge invoke it for the schedule's rule
   * only, so it waits for the rule's ARN; the rule targets the alias.
   */
  private static void checkAlias(StackBuild build) {
    if (CheckSchedule.design(build) == null) {
      return;
    }
    Needs needs = build.needs();
    ObjectBuilder alias = alias(build, FunctionRole.CHECK, needs);
    String ruleArn = CheckSchedule.ruleArn(needs);
    Map<String, Object> permission = new LinkedHashMap<>();
    permission.put("statementID", CheckDesign.INVOKE_STATEMENT_ID);
    permission.put("action", "lambda:InvokeFunction");
    permission.put("principal", CheckDesign.INVOKE_PRINCIPAL);
    permission.put("sourceARN", ruleArn);
    build.emit(alias.set("permissions", List.of(permission)), needs);
  }

  /**
   * The check's schedule: an EventBridge Rule whose one target, inline, is the check's {@code live}
   * alias, named from the function's ARN.
   */
  static void checkSchedule(StackBuild build) {
    CheckDesign design = CheckSchedule.design(build);
    if (design == null) {
      return;
    }
    Needs needs = build.needs();
    String functionArn = CheckSchedule.functionArn(needs);
    ObjectBuilder rule = CheckSchedule.rule(build, design).set("name", design.ruleName());
    if (functionArn != null) {
      Map<String, Object> target = new LinkedHashMap<>();
      target.put("id", CheckDesign.TARGET_ID);
      target.put("arn", FunctionAliases.qualified(functionArn));
      rule.set("targets", List.of(target));
    }
    build.emit(rule, needs);
  }

  /** The version each published {@code live} alias serves, by function, as its spec holds it. */
  static Map<String, String> liveVersions(StackBuild build) {
    Map<String, String> versions = new LinkedHashMap<>();
    if (FunctionAliases.enabled(build.spec.getFunctions())) {
      for (FunctionRole f : FunctionRole.SERVING) {
        build
            .observed
            .find(AckKinds.ALIAS.kind(), build.name(StackComponents.alias(f)))
            .map(a -> FieldPath.string(a, "spec", "functionVersion"))
            .ifPresent(v -> versions.put(f.shortName(), v));
      }
    }
    return versions;
  }

  /** The alias names its function literally and waits until the function exists. */
  private static ObjectBuilder alias(StackBuild build, FunctionRole f, Needs needs) {
    FunctionDesign fn = FunctionDesign.of(build.spec, build.names, f);
    needs.output(ResourceType.FUNCTION, StackComponents.function(f), Output.ARN);
    String version =
        fn.publishes()
            ? needs.output(ResourceType.FUNCTION, StackComponents.function(f), Output.VERSION)
            : LATEST;
    return build
        .object(ResourceType.ALIAS, StackComponents.alias(f))
        .set("name", FunctionAliases.LIVE)
        .set("functionName", fn.awsName())
        .set("functionVersion", version);
  }

  private static Map<String, Object> onFailure(String queueArn) {
    return Map.of("onFailure", Map.of("destination", String.valueOf(queueArn)));
  }

  /**
   * The stream mapping. ACK silently never applies a change of what Lambda cannot change in place
   * ({@link StreamMappingDesign#immutableIdentity}): the mapping is named by a hash of it, so a
   * change is a new mapping, created once the old one is gone (two would process every record
   * twice).
   */
  static void streamMapping(StackBuild build) {
    StreamMappingDesign stream = StreamMappingDesign.of(build.spec.getStream());
    Needs needs = build.needs();
    String streamArn =
        needs.output(ResourceType.TABLE, StackComponents.TRANSACTIONS_TABLE, Output.STREAM_ARN);
    String aliasArn =
        needs.output(ResourceType.ALIAS, StackComponents.alias(FunctionRole.PROCESSOR), Output.ARN);
    String dlqArn =
        needs.output(
            ResourceType.QUEUE,
            StackComponents.deadLetterQueue(FunctionRole.PROCESSOR),
            Output.ARN);
    List<GenericKubernetesResource> existing =
        build.observedStartingWith(
            AckKinds.EVENT_SOURCE_MAPPING.kind(), StackComponents.PROCESSOR_STREAM);
    if (streamArn == null) {
      // the stream ARN may be missing for a moment: keep what runs rather than delete it
      existing.forEach(e -> build.keep(AckKinds.EVENT_SOURCE_MAPPING.kind(), e));
      build.hold(
          AckKinds.EVENT_SOURCE_MAPPING.kind(),
          build.name(StackComponents.PROCESSOR_STREAM),
          needs);
      return;
    }
    String component =
        StackComponents.hashed(
            StackComponents.PROCESSOR_STREAM, stream.immutableIdentity(streamArn));
    ObjectBuilder mapping = build.object(ResourceType.EVENT_SOURCE_MAPPING, component);
    // the mapping is known by its uuid alone: a copy kept where a re-created object finds it
    String uuid = build.reported(ResourceType.EVENT_SOURCE_MAPPING, component, Output.UUID);
    if (uuid != null) {
      AckAnnotations.adoptOrCreate(mapping, Map.of("uuid", uuid));
    }
    FunctionObjects.streamSettings(
            mapping.set("eventSourceARN", streamArn).set("functionName", aliasArn), stream)
        .set(
            "filterCriteria", Map.of("filters", List.of(Map.of("pattern", stream.filterPattern()))))
        // stream failures never reach a function's DLQ: the mapping sends them itself
        .set("destinationConfig", onFailure(dlqArn));
    for (GenericKubernetesResource old : existing) {
      if (!old.getMetadata().getName().equals(mapping.name())) {
        needs.waitFor(
            "EventSourceMapping "
                + old.getMetadata().getName()
                + " to be deleted (replaced: eventSourceARN and startingPosition cannot change in"
                + " place)");
        build.replaces(mapping, old, IMMUTABLE_MAPPING_FIELDS, stream.replacementCost());
      }
    }
    build.emit(mapping, needs);
  }
}
