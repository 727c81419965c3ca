package io.fraudpipeline.operator.ack;

import static io.fraudpipeline.operator.ack.AckKinds.ALIAS;
import static io.fraudpipeline.operator.ack.AckKinds.EVENT_SOURCE_MAPPING;
import static io.fraudpipeline.operator.ack.AckKinds.FUNCTION;
import static io.fraudpipeline.operator.ack.AckKinds.LOG_GROUP;
import static io.fraudpipeline.operator.ack.AckKinds.QUEUE;
import static io.fraudpipeline.operator.ack.AckKinds.TABLE;
import static io.fraudpipeline.operator.ack.AckKinds.TOPIC;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.api.v1alpha1.FunctionCode;
import io.fraudpipeline.api.v1alpha1.FunctionSettings;
import io.fraudpipeline.api.v1alpha1.FunctionsSpec;
import io.fraudpipeline.api.v1alpha1.StreamSpec;
import io.fraudpipeline.operator.model.FunctionAliases;
import io.fraudpipeline.operator.model.FunctionEnvironment;
import io.fraudpipeline.operator.model.FunctionRole;
import io.fraudpipeline.operator.model.InvalidSpecException;
import io.fraudpipeline.operator.model.StackComponents;
import io.fraudpipeline.operator.model.StreamMapping;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Log groups, the two functions, their {@code live} aliases (the only thing anything calls), and
 * the stream mapping.
 */
final class AckFunctions {

  /**
   * Lambda's own defaults for async invocations, written out: lambda-controller v1.14.1 panics on
   * every reconcile of an invoke config that lacks the maximum event age.
   */
  static final int ASYNC_RETRY_ATTEMPTS = 2;

  static final int ASYNC_MAX_EVENT_AGE_SECONDS = 21600;

  /** What the alias points at when no version is published (snapStart off, or an image). */
  static final String LATEST = "$LATEST";

  private AckFunctions() {}

  static void logGroups(AckContext ctx) {
    for (FunctionRole f : FunctionRole.values()) {
      ctx.emit(
          ctx.object(LOG_GROUP, StackComponents.logGroup(f))
              .set("name", ctx.names.logGroup(f))
              .set("retentionDays", ctx.spec.getFunctions().getLogRetentionDays())
              // Lambda creates this group itself on a function's first log line
              .adoptOrCreate(Map.of("name", ctx.names.logGroup(f))));
    }
  }

  /** SnapStart applies to published versions of zip functions only. */
  static boolean publishes(AckContext ctx) {
    FunctionsSpec fs = ctx.spec.getFunctions();
    return !Boolean.FALSE.equals(fs.getSnapStart()) && !fs.getCode().isImage();
  }

  static void functions(AckContext ctx) {
    FunctionsSpec fs = ctx.spec.getFunctions();
    // with ACK every caller calls the live alias, with or without SnapStart
    Map<String, String> processorEnv = FunctionEnvironment.processor(ctx.names, true);
    ctx.emit(
        function(ctx, FunctionRole.PROCESSOR, fs.getProcessor())
            .set("environment", Map.of("variables", processorEnv)));

    AckNeeds needs = ctx.needs();
    String alertTopicArn =
        needs.status(TOPIC, ctx.name(StackComponents.ALERT_TOPIC), AckStatus.ARN);
    AckObject scorer = function(ctx, FunctionRole.SCORER, fs.getScorer());
    if (needs.met()) {
      scorer.set(
          "environment",
          Map.of(
              "variables",
              FunctionEnvironment.scorer(ctx.names, ctx.spec.getScoring(), alertTopicArn)));
    }
    ctx.emit(scorer, needs);
    if (!fs.getCode().isImage() && fs.getCode().getSha256() == null) {
      ctx.unsupported(
          "spec.functions.code.sha256",
          "unset: ACK deploys a new zip only when code.sha256 changes, so a new s3Key or"
              + " s3ObjectVersion alone never reaches the functions; set it to the zip's base64"
              + " SHA-256");
    }
  }

  private static AckObject function(AckContext ctx, FunctionRole f, FunctionSettings settings) {
    FunctionsSpec fs = ctx.spec.getFunctions();
    FunctionCode code = fs.getCode();
    String packageType = code.isImage() ? "Image" : "Zip";
    ctx.observed
        .find(FUNCTION, ctx.name(StackComponents.function(f)))
        .map(o -> AckStatus.path(o, "spec", "packageType"))
        .filter(observed -> !packageType.equals(observed))
        .ifPresent(
            observed -> {
              // Lambda cannot switch a function between zip and image, and ACK would keep trying
              throw new InvalidSpecException(
                  "spec.functions.code",
                  "switches the functions from "
                      + observed
                      + " to "
                      + packageType
                      + ", which Lambda cannot do to an existing function and ACK does not"
                      + " replace: go back to the previous kind of code, or create the pipeline"
                      + " again (with Retain the tables stay and are adopted)");
            });
    AckObject fn =
        ctx.object(FUNCTION, StackComponents.function(f))
            .set("name", ctx.names.function(f))
            .ref("roleRef", ctx.name(StackComponents.role(f)));
    Map<String, Object> c = new LinkedHashMap<>();
    if (code.isImage()) {
      c.put("imageURI", code.getImageUri());
      fn.set("packageType", packageType)
          .set("code", c)
          .set("imageConfig", Map.of("command", List.of(f.handler())));
    } else {
      c.put("s3Bucket", code.getS3Bucket());
      c.put("s3Key", code.getS3Key());
      if (code.getS3ObjectVersion() != null) {
        c.put("s3ObjectVersion", code.getS3ObjectVersion());
      }
      if (code.getSha256() != null) {
        c.put("sha256", code.getSha256());
      }
      fn.set("packageType", packageType)
          .set("runtime", fs.getRuntime().value())
          .set("handler", f.handler())
          .set("code", c);
    }
    if (publishes(ctx)) {
      fn.set("publish", true).set("snapStart", Map.of("applyOn", "PublishedVersions"));
    }
    return fn.set("architectures", List.of(fs.getArchitecture().value()))
        .set("memorySize", settings.getMemoryMb())
        .set("timeout", settings.getTimeoutSeconds())
        // -1 is the API's "unreserved": ACK takes that as no reservation set
        .set(
            "reservedConcurrentExecutions",
            settings.getReservedConcurrency() < 0 ? null : settings.getReservedConcurrency())
        .set("tracingConfig", Map.of("mode", fs.getTracing().value()));
  }

  /**
   * The {@code live} alias of each function: the published version (SnapStart) or {@code $LATEST}.
   * The processor's carries the API's invoke permission, ACK having no Permission kind; the
   * scorer's carries the async-invoke config, as the processor invokes the alias.
   */
  static void aliases(AckContext ctx, String restApiId, String account) {
    AckNeeds p = ctx.needs();
    AckObject processor = alias(ctx, FunctionRole.PROCESSOR, p);
    if (restApiId != null && account != null) {
      String api =
          "arn:"
              + ctx.partition
              + ":execute-api:"
              + ctx.spec.getRegion()
              + ":"
              + account
              + ":"
              + restApiId;
      processor.set(
          "permissions",
          List.of(
              permission("AllowApiPostTransactions", api + "/*/POST/transactions"),
              permission("AllowApiGetTransaction", api + "/*/GET/transactions/*")));
    } else {
      p.holdFor("RestAPI " + ctx.name(StackComponents.REST_API) + " id and ownerAccountID");
    }
    ctx.emit(processor, p);

    AckNeeds s = ctx.needs();
    String dlq =
        s.status(
            QUEUE, ctx.name(StackComponents.deadLetterQueue(FunctionRole.SCORER)), AckStatus.ARN);
    Map<String, Object> invoke = new LinkedHashMap<>();
    invoke.put("maximumRetryAttempts", ASYNC_RETRY_ATTEMPTS);
    invoke.put("maximumEventAgeInSeconds", ASYNC_MAX_EVENT_AGE_SECONDS);
    invoke.put(
        "destinationConfig", Map.of("onFailure", Map.of("destination", String.valueOf(dlq))));
    ctx.emit(alias(ctx, FunctionRole.SCORER, s).set("functionEventInvokeConfig", invoke), s);
  }

  /** The version each published {@code live} alias serves, by function, as ACK holds it. */
  static Map<String, String> liveVersions(AckContext ctx) {
    Map<String, String> versions = new LinkedHashMap<>();
    if (publishes(ctx)) {
      for (FunctionRole f : FunctionRole.values()) {
        ctx.observed
            .find(ALIAS, ctx.name(StackComponents.alias(f)))
            .map(a -> a.getAdditionalProperties().get("spec"))
            .filter(Map.class::isInstance)
            .map(spec -> ((Map<?, ?>) spec).get("functionVersion"))
            .filter(String.class::isInstance)
            .ifPresent(v -> versions.put(f.shortName(), (String) v));
      }
    }
    return versions;
  }

  /** The alias names its function literally and waits until the function exists. */
  private static AckObject alias(AckContext ctx, FunctionRole f, AckNeeds needs) {
    String function = ctx.name(StackComponents.function(f));
    needs.status(FUNCTION, function, AckStatus.ARN);
    String version = publishes(ctx) ? needs.status(FUNCTION, function, AckStatus.VERSION) : LATEST;
    return ctx.object(ALIAS, StackComponents.alias(f))
        .set("name", FunctionAliases.LIVE)
        .set("functionName", ctx.names.function(f))
        .set("functionVersion", version);
  }

  private static Map<String, Object> permission(String statementId, String sourceArn) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("statementID", statementId);
    p.put("action", "lambda:InvokeFunction");
    p.put("principal", "apigateway.amazonaws.com");
    p.put("sourceARN", sourceArn);
    return p;
  }

  /**
   * The stream mapping. Lambda cannot change a mapping's source or starting position, and ACK
   * silently never applies such a change; the mapping is named by a hash of both, so a change is a
   * new mapping, created once the old one is gone (two would process every record twice).
   */
  static void streamMapping(AckContext ctx) {
    AckNeeds needs = ctx.needs();
    String streamArn =
        needs.status(
            TABLE, ctx.name(StackComponents.TRANSACTIONS_TABLE), AckStatus.LATEST_STREAM_ARN);
    String aliasArn =
        needs.status(ALIAS, ctx.name(StackComponents.alias(FunctionRole.PROCESSOR)), AckStatus.ARN);
    String dlqArn =
        needs.status(
            QUEUE,
            ctx.name(StackComponents.deadLetterQueue(FunctionRole.PROCESSOR)),
            AckStatus.ARN);
    StreamSpec stream = ctx.spec.getStream();
    List<GenericKubernetesResource> existing =
        ctx.observedStartingWith(EVENT_SOURCE_MAPPING, StackComponents.PROCESSOR_STREAM);
    if (streamArn == null) {
      // the stream ARN may be missing for a moment: keep what runs rather than delete it
      existing.forEach(ctx::keep);
      ctx.waiting.add(
          new io.fraudpipeline.api.v1alpha1.PendingResource(
              EVENT_SOURCE_MAPPING.kind(),
              ctx.name(StackComponents.PROCESSOR_STREAM),
              needs.describe()));
      return;
    }
    String name =
        StackComponents.hashed(
            StackComponents.PROCESSOR_STREAM,
            streamArn + " " + stream.getStartingPosition().value());
    for (GenericKubernetesResource old : existing) {
      if (!old.getMetadata().getName().equals(ctx.name(name))) {
        needs.holdFor(
            "EventSourceMapping "
                + old.getMetadata().getName()
                + " to be deleted (replaced: eventSourceARN and startingPosition cannot change in"
                + " place)");
      }
    }
    Map<String, Object> filter =
        Map.of("filters", List.of(Map.of("pattern", StreamMapping.INSERT_ONLY_FILTER)));
    AckObject mapping = ctx.object(EVENT_SOURCE_MAPPING, name);
    // the mapping is known by its uuid alone: a copy kept where a re-created object finds it
    ctx.observed
        .find(EVENT_SOURCE_MAPPING, ctx.name(name))
        .map(o -> AckStatus.field(o, AckStatus.UUID))
        .ifPresent(uuid -> mapping.adoptOrCreate(Map.of("uuid", uuid)));
    ctx.emit(
        mapping
            .set("eventSourceARN", streamArn)
            .set("functionName", aliasArn)
            .set("startingPosition", stream.getStartingPosition().value())
            .set("batchSize", stream.getBatchSize())
            .set("maximumRetryAttempts", stream.getMaximumRetryAttempts())
            .set("maximumRecordAgeInSeconds", stream.getMaximumRecordAgeSeconds())
            .set("parallelizationFactor", stream.getParallelizationFactor())
            .set("bisectBatchOnFunctionError", true)
            .set("functionResponseTypes", List.of(StreamMapping.REPORT_BATCH_ITEM_FAILURES))
            .set("filterCriteria", filter)
            // stream failures never reach a function's DLQ: the mapping sends them itself
            .set(
                "destinationConfig",
                Map.of("onFailure", Map.of("destination", String.valueOf(dlqArn)))),
        needs);
  }
}
