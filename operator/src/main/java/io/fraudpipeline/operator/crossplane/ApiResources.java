package io.fraudpipeline.operator.crossplane;

import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.API_KEY;
import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.METHOD_SETTINGS;
import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.PERMISSION;
import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.USAGE_PLAN;
import static io.fraudpipeline.operator.crossplane.CrossplaneKinds.USAGE_PLAN_KEY;

import io.fraudpipeline.api.v1alpha1.ApiSpec;
import io.fraudpipeline.api.v1alpha1.Authorization;
import io.fraudpipeline.operator.model.ApiDesign;
import io.fraudpipeline.operator.model.FunctionAliases;
import io.fraudpipeline.operator.model.FunctionRole;
import io.fraudpipeline.operator.model.OutputNames;
import io.fraudpipeline.operator.model.StackComponents;
import io.fraudpipeline.operator.stack.ApiRoutes;
import io.fraudpipeline.operator.stack.DeploymentRollover;
import io.fraudpipeline.operator.stack.Needs;
import io.fraudpipeline.operator.stack.ObjectBuilder;
import io.fraudpipeline.operator.stack.Output;
import io.fraudpipeline.operator.stack.ResourceType;
import io.fraudpipeline.operator.stack.StackBuild;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The API design in the provider's shapes: references resolve ids, so few MRs wait; the stage's
 * throttling is a MethodSettings MR, the invoke grants Permission MRs, and API_KEY a usage plan
 * with its key.
 */
final class ApiResources {

  /** The MRs only this backend has: the stage's throttling and API_KEY's usage plan and key. */
  private static final String THROTTLING = "api-throttling";

  private static final String USAGE_PLAN_COMPONENT = "api-usage-plan";
  static final String API_KEY_COMPONENT = "api-key";
  private static final String USAGE_PLAN_KEY_COMPONENT = "api-usage-plan-key";

  private ApiResources() {}

  static void add(StackBuild build) {
    ApiSpec api = build.spec.getApi();
    String restApi = build.name(StackComponents.REST_API);
    build.emit(
        build
            .object(ResourceType.REST_API, StackComponents.REST_API)
            .set("name", build.names.restApi())
            .set("description", ApiDesign.description(build.names))
            .set("endpointConfiguration", Map.of("types", List.of("REGIONAL"))));
    paths(build, restApi);

    List<ObjectBuilder> routes = ApiRoutes.add(build, api, ROUTES, build::needs);

    String deployment = deployment(build, routes);
    // a stage created before its deployment's name is known would be edited once it is
    Needs stageNeeds = build.needs();
    if (deployment == null) {
      stageNeeds.waitFor("the Deployment of the methods and integrations");
    }
    ObjectBuilder stage =
        build
            .object(ResourceType.STAGE, StackComponents.STAGE)
            .ref("restApiIdRef", restApi)
            .set("stageName", api.getStageName())
            .set("xrayTracingEnabled", true);
    if (deployment != null) {
      stage.ref("deploymentIdRef", deployment);
    }
    build.emit(stage, stageNeeds);
    throttling(build, api, restApi);
    permissions(build);
    if (api.getAuthorization() == Authorization.API_KEY) {
      apiKey(build, api);
    }
  }

  /** References resolve every parent, the root included (a RestAPI reference is its root). */
  private static void paths(StackBuild build, String restApi) {
    for (ApiDesign.PathPart path : ApiDesign.PATHS) {
      ObjectBuilder resource =
          build.object(ResourceType.API_RESOURCE, path.component()).ref("restApiIdRef", restApi);
      if (path.parentComponent() == null) {
        build.emit(resource.ref("parentIdRef", restApi).set("pathPart", path.pathPart()));
      } else {
        // a reference to a Resource would not resolve to its id: copy it from its status
        Needs child = build.needs();
        String parentId =
            child.output(ResourceType.API_RESOURCE, path.parentComponent(), Output.ID);
        build.emit(resource.set("parentId", parentId).set("pathPart", path.pathPart()), child);
      }
    }
  }

  private static final ApiRoutes.Shape ROUTES =
      new ApiRoutes.Shape(
          "restApiIdRef", "resourceIdRef", "authorization", ApiResources::integrate);

  /** References resolve the method and, without SnapStart, the function's invoke ARN. */
  private static void integrate(
      StackBuild build, ObjectBuilder integration, ApiDesign.Route route, Needs needs) {
    integration
        .ref("httpMethodRef", build.name(route.component()))
        .set("type", ApiDesign.INTEGRATION_TYPE)
        .set("integrationHttpMethod", ApiDesign.INTEGRATION_METHOD);
    if (FunctionAliases.enabled(build.spec.getFunctions())) {
      // the reference would resolve to the unqualified function's invoke ARN: use the alias's
      integration.set(
          "uri",
          needs.output(
              ResourceType.ALIAS,
              StackComponents.alias(FunctionRole.PROCESSOR),
              Output.INVOKE_ARN));
    } else {
      integration.ref("uriRef", build.name(StackComponents.function(FunctionRole.PROCESSOR)));
    }
  }

  /** The deployment of the routes, with a trigger the provider redeploys on. */
  private static String deployment(StackBuild build, List<ObjectBuilder> routes) {
    DeploymentRollover.Plan plan = DeploymentRollover.plan(build, routes);
    build.emit(
        build
            .object(ResourceType.DEPLOYMENT, plan.component())
            .ref("restApiIdRef", build.name(StackComponents.REST_API))
            .set("description", "Deployment of " + build.names.restApi())
            .set("triggers", Map.of("redeployment", plan.hash())),
        plan.needs());
    // its name is final only once every route it snapshots is known
    boolean named =
        plan.needs().met()
            || build
                .observed
                .find(CrossplaneKinds.DEPLOYMENT, build.name(plan.component()))
                .isPresent();
    return DeploymentRollover.stageTarget(build, plan, "deploymentIdRef", named);
  }

  private static void throttling(StackBuild build, ApiSpec api, String restApi) {
    Map<String, Object> throttling = new LinkedHashMap<>();
    throttling.put("throttlingRateLimit", api.getThrottling().getRateLimit());
    throttling.put("throttlingBurstLimit", api.getThrottling().getBurstLimit());
    throttling.put("metricsEnabled", true);
    build.emit(
        build
            .object(METHOD_SETTINGS, THROTTLING)
            .ref("restApiIdRef", restApi)
            .ref("stageNameRef", build.name(StackComponents.STAGE))
            .set("methodPath", "*/*")
            .set("settings", throttling));
  }

  /** API Gateway may invoke the processor for these two methods of this API only. */
  private static void permissions(StackBuild build) {
    for (ApiDesign.InvokeGrant grant : ApiDesign.INVOKE_GRANTS) {
      Needs needs = build.needs();
      String executionArn =
          needs.output(ResourceType.REST_API, StackComponents.REST_API, Output.EXECUTION_ARN);
      String qualifier = FunctionResources.qualifier(build, needs, FunctionRole.PROCESSOR);
      build.emit(
          build
              .object(PERMISSION, "api-invoke-" + grant.httpMethod().toLowerCase(Locale.ROOT))
              .ref("functionNameRef", build.name(StackComponents.function(FunctionRole.PROCESSOR)))
              .set("qualifier", qualifier)
              .set("statementId", grant.statementId())
              .set("action", "lambda:InvokeFunction")
              .set("principal", "apigateway.amazonaws.com")
              .set("sourceArn", executionArn == null ? null : grant.sourceArn(executionArn)),
          needs);
    }
  }

  private static void apiKey(StackBuild build, ApiSpec api) {
    ObjectBuilder plan = build.object(USAGE_PLAN, USAGE_PLAN_COMPONENT);
    Map<String, Object> apiStage = new LinkedHashMap<>();
    apiStage.put("apiIdRef", plan.reference(build.name(StackComponents.REST_API)));
    apiStage.put("stageRef", plan.reference(build.name(StackComponents.STAGE)));
    Map<String, Object> throttle = new LinkedHashMap<>();
    throttle.put("rateLimit", api.getThrottling().getRateLimit());
    throttle.put("burstLimit", api.getThrottling().getBurstLimit());
    build.emit(
        plan.set("name", build.names.usagePlan())
            .set("apiStages", List.of(apiStage))
            .set("throttleSettings", throttle));
    build.emit(
        build
            .object(API_KEY, API_KEY_COMPONENT)
            .set("name", build.names.apiKey())
            .set("enabled", true)
            // the provider publishes the key's value there; the operator never reads it
            .specField(
                "writeConnectionSecretToRef",
                Map.of("name", OutputNames.apiKeySecret(build.pipeline))));
    build.emit(
        build
            .object(USAGE_PLAN_KEY, USAGE_PLAN_KEY_COMPONENT)
            .ref("keyIdRef", build.name(API_KEY_COMPONENT))
            .ref("usagePlanIdRef", build.name(USAGE_PLAN_COMPONENT))
            .set("keyType", "API_KEY"));
  }
}
