package io.fraudpipeline.operator.crossplane;

import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.ALIAS;
import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.API_KEY;
import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.API_RESOURCE;
import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.DEPLOYMENT;
import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.INTEGRATION;
import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.METHOD;
import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.METHOD_SETTINGS;
import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.PERMISSION;
import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.REST_API;
import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.STAGE;
import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.USAGE_PLAN;
import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.USAGE_PLAN_KEY;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fraudpipeline.api.v1alpha1.ApiSpec;
import io.fraudpipeline.api.v1alpha1.Authorization;
import io.fraudpipeline.operator.model.DeploymentTrigger;
import io.fraudpipeline.operator.model.FunctionAliases;
import io.fraudpipeline.operator.model.FunctionRole;
import io.fraudpipeline.operator.model.StackComponents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST API: POST /transactions and GET /transactions/{transactionId}, both proxied to the
 * processor; a deployment that changes when they do; the stage; throttling; the invoke permission
 * scoped to these two methods; and for API_KEY, the usage plan and its key.
 */
final class ApiResources {

  private ApiResources() {}

  static void add(StackContext ctx) {
    ApiSpec api = ctx.spec.getApi();
    String restApi = ctx.mrName(StackComponents.REST_API);
    ctx.emit(
        ctx.mr(REST_API, StackComponents.REST_API)
            .set("name", ctx.names.restApi())
            .set("description", "Fraud detection API of pipeline " + ctx.names.suffix())
            .set("endpointConfiguration", Map.of("types", List.of("REGIONAL"))));

    ctx.emit(
        ctx.mr(API_RESOURCE, StackComponents.TRANSACTIONS_RESOURCE)
            .ref("restApiIdRef", restApi)
            // a reference to the RestAPI resolves to its root resource id
            .ref("parentIdRef", restApi)
            .set("pathPart", "transactions"));
    Needs child = ctx.needs();
    String parentId =
        child.atProvider(
            API_RESOURCE, ctx.mrName(StackComponents.TRANSACTIONS_RESOURCE), StatusFields.ID);
    ctx.emit(
        ctx.mr(API_RESOURCE, StackComponents.TRANSACTION_RESOURCE)
            .ref("restApiIdRef", restApi)
            .set("parentId", parentId)
            .set("pathPart", "{transactionId}"),
        child);

    List<MrBuilder> routes = new ArrayList<>();
    routes.add(
        method(ctx, api, StackComponents.POST_TRANSACTIONS, StackComponents.TRANSACTIONS_RESOURCE));
    routes.add(
        method(ctx, api, StackComponents.GET_TRANSACTION, StackComponents.TRANSACTION_RESOURCE));
    routes.forEach(ctx::emit);
    routes.add(
        integration(ctx, StackComponents.POST_TRANSACTIONS, StackComponents.TRANSACTIONS_RESOURCE));
    routes.add(
        integration(ctx, StackComponents.GET_TRANSACTION, StackComponents.TRANSACTION_RESOURCE));

    String deployment = deployment(ctx, routes);
    // a stage created before its deployment's name is known would be edited once it is
    Needs stageNeeds = ctx.needs();
    if (deployment == null) {
      stageNeeds.waitFor("the Deployment of the methods and integrations");
    }
    MrBuilder stage =
        ctx.mr(STAGE, StackComponents.STAGE)
            .ref("restApiIdRef", restApi)
            .set("stageName", api.getStageName())
            .set("xrayTracingEnabled", true);
    if (deployment != null) {
      stage.ref("deploymentIdRef", deployment);
    }
    ctx.emit(stage, stageNeeds);
    Map<String, Object> throttling = new LinkedHashMap<>();
    throttling.put("throttlingRateLimit", api.getThrottling().getRateLimit());
    throttling.put("throttlingBurstLimit", api.getThrottling().getBurstLimit());
    throttling.put("metricsEnabled", true);
    ctx.emit(
        ctx.mr(METHOD_SETTINGS, Components.THROTTLING)
            .ref("restApiIdRef", restApi)
            .ref("stageNameRef", ctx.mrName(StackComponents.STAGE))
            .set("methodPath", "*/*")
            .set("settings", throttling));
    permissions(ctx);
    if (api.getAuthorization() == Authorization.API_KEY) {
      apiKey(ctx, api);
    }
  }

  private static MrBuilder method(
      StackContext ctx, ApiSpec api, String component, String resourceComponent) {
    boolean apiKey = api.getAuthorization() == Authorization.API_KEY;
    boolean get = component.equals(StackComponents.GET_TRANSACTION);
    MrBuilder mr =
        ctx.mr(METHOD, component)
            .ref("restApiIdRef", ctx.mrName(StackComponents.REST_API))
            .ref("resourceIdRef", ctx.mrName(resourceComponent))
            .set("httpMethod", get ? "GET" : "POST")
            // API_KEY is no authorization type of its own: NONE plus a required key
            .set("authorization", apiKey ? "NONE" : api.getAuthorization().value())
            .set("apiKeyRequired", apiKey);
    if (get) {
      mr.set("requestParameters", Map.of("method.request.path.transactionId", true));
    }
    return mr;
  }

  /** Emits the integration (or records it as waiting for the alias) and returns it. */
  private static MrBuilder integration(
      StackContext ctx, String methodComponent, String resourceComponent) {
    Needs needs = ctx.needs();
    MrBuilder mr =
        ctx.mr(INTEGRATION, methodComponent)
            .ref("restApiIdRef", ctx.mrName(StackComponents.REST_API))
            .ref("resourceIdRef", ctx.mrName(resourceComponent))
            .ref("httpMethodRef", ctx.mrName(methodComponent))
            .set("type", "AWS_PROXY")
            // Lambda is always invoked with POST, whatever the client's method
            .set("integrationHttpMethod", "POST");
    if (FunctionAliases.enabled(ctx.spec.getFunctions())) {
      // the reference would resolve to the unqualified function's invoke ARN: use the alias's
      mr.set(
          "uri",
          needs.atProvider(
              ALIAS,
              ctx.mrName(StackComponents.alias(FunctionRole.PROCESSOR)),
              StatusFields.INVOKE_ARN));
    } else {
      mr.ref("uriRef", ctx.mrName(StackComponents.function(FunctionRole.PROCESSOR)));
    }
    ctx.emit(mr, needs);
    return mr;
  }

  /**
   * A deployment snapshots the API as it is when created: it waits until methods and integrations
   * are Ready. Its name carries a hash of them, so a change creates a new deployment before the old
   * one goes (API Gateway refuses to delete a deployment a stage still uses). Returns the name of
   * the deployment the stage should use: the new one once Ready, until then the one it has; null
   * while there is none yet and the new one's routes are not all known.
   */
  private static String deployment(StackContext ctx, List<MrBuilder> routes) {
    Needs needs = ctx.needs();
    StringBuilder canonical = new StringBuilder();
    for (MrBuilder route : routes) {
      needs.current(route.kind(), route.name(), route.forProvider());
      canonical
          .append(route.kind().kind())
          .append(' ')
          .append(route.name())
          .append(' ')
          .append(Serialization.asJson(route.forProvider()))
          .append('\n');
    }
    String hash = DeploymentTrigger.hash(canonical.toString());
    MrBuilder current =
        ctx.mr(DEPLOYMENT, StackComponents.hashed(StackComponents.DEPLOYMENT, canonical.toString()))
            .ref("restApiIdRef", ctx.mrName(StackComponents.REST_API))
            .set("description", "Deployment of " + ctx.names.restApi())
            .set("triggers", Map.of("redeployment", hash));
    ctx.emit(current, needs);
    // its name is final only once every route it snapshots is known
    boolean currentNamed = needs.met() || ctx.observed.find(DEPLOYMENT, current.name()).isPresent();

    String stage = ctx.mrName(StackComponents.STAGE);
    List<GenericKubernetesResource> older =
        ctx.observed.ofKind(DEPLOYMENT).stream()
            .filter(d -> !d.getMetadata().getName().equals(current.name()))
            .filter(
                d -> d.getMetadata().getName().startsWith(ctx.mrName(StackComponents.DEPLOYMENT)))
            .toList();
    String inUse = ctx.observed.refName(STAGE, stage, "deploymentIdRef").orElse(null);
    boolean stageMoved = current.name().equals(inUse) && ctx.observed.isReady(STAGE, stage);
    if (!stageMoved) {
      older.forEach(ctx::keep);
    }
    if (older.isEmpty() || ctx.observed.isReady(DEPLOYMENT, current.name())) {
      return currentNamed ? current.name() : null;
    }
    return inUse != null ? inUse : older.get(0).getMetadata().getName();
  }

  /** API Gateway may invoke the processor for these two methods of this API only. */
  private static void permissions(StackContext ctx) {
    permission(ctx, Components.INVOKE_POST, "AllowApiPostTransactions", "/*/POST/transactions");
    permission(ctx, Components.INVOKE_GET, "AllowApiGetTransaction", "/*/GET/transactions/*");
  }

  private static void permission(
      StackContext ctx, String component, String statementId, String methodPath) {
    Needs needs = ctx.needs();
    String executionArn =
        needs.atProvider(
            REST_API, ctx.mrName(StackComponents.REST_API), StatusFields.EXECUTION_ARN);
    String qualifier = FunctionResources.qualifier(ctx, needs, FunctionRole.PROCESSOR);
    ctx.emit(
        ctx.mr(PERMISSION, component)
            .ref("functionNameRef", ctx.mrName(StackComponents.function(FunctionRole.PROCESSOR)))
            .set("qualifier", qualifier)
            .set("statementId", statementId)
            .set("action", "lambda:InvokeFunction")
            .set("principal", "apigateway.amazonaws.com")
            .set("sourceArn", executionArn == null ? null : executionArn + methodPath),
        needs);
  }

  private static void apiKey(StackContext ctx, ApiSpec api) {
    Map<String, Object> apiStage = new LinkedHashMap<>();
    apiStage.put("apiIdRef", MrBuilder.ref(ctx.mrName(StackComponents.REST_API)));
    apiStage.put("stageRef", MrBuilder.ref(ctx.mrName(StackComponents.STAGE)));
    Map<String, Object> throttle = new LinkedHashMap<>();
    throttle.put("rateLimit", api.getThrottling().getRateLimit());
    throttle.put("burstLimit", api.getThrottling().getBurstLimit());
    ctx.emit(
        ctx.mr(USAGE_PLAN, Components.USAGE_PLAN)
            .set("name", ctx.names.usagePlan())
            .set("apiStages", List.of(apiStage))
            .set("throttleSettings", throttle));
    ctx.emit(
        ctx.mr(API_KEY, Components.API_KEY).set("name", ctx.names.apiKey()).set("enabled", true));
    ctx.emit(
        ctx.mr(USAGE_PLAN_KEY, Components.USAGE_PLAN_KEY)
            .ref("keyIdRef", ctx.mrName(Components.API_KEY))
            .ref("usagePlanIdRef", ctx.mrName(Components.USAGE_PLAN))
            .set("keyType", "API_KEY"));
  }
}
