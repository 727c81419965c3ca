package io.fraudpipeline.operator.ack;

import io.fraudpipeline.api.v1alpha1.ApiSpec;
import io.fraudpipeline.operator.model.ApiDesign;
import io.fraudpipeline.operator.model.AwsPartition;
import io.fraudpipeline.operator.model.FunctionRole;
import io.fraudpipeline.operator.model.StackComponents;
import io.fraudpipeline.operator.stack.ApiRoutes;
import io.fraudpipeline.operator.stack.DeploymentRollover;
import io.fraudpipeline.operator.stack.Needs;
import io.fraudpipeline.operator.stack.ObjectBuilder;
import io.fraudpipeline.operator.stack.Output;
import io.fraudpipeline.operator.stack.ResourceType;
import io.fraudpipeline.operator.stack.StackBuild;
import java.util.List;
import java.util.Map;

/**
 * The API design in the ACK controllers' shapes. ACK has fewer references than Crossplane: the root
 * resource's id and the alias's ARN are copied from status. The ids API Gateway assigns live only
 * in status, so each object also names its own id as adoption fields once known: if the object is
 * ever re-created without status (a restore, a re-created pipeline), ACK finds the same API instead
 * of creating a second one.
 */
final class AckApi {

  private AckApi() {}

  /** Returns the REST API's id, once reported. */
  static String add(StackBuild build) {
    ApiSpec api = build.spec.getApi();
    String restApi = build.name(StackComponents.REST_API);
    String apiId = build.reported(ResourceType.REST_API, StackComponents.REST_API, Output.ID);
    ObjectBuilder rest =
        build
            .object(ResourceType.REST_API, StackComponents.REST_API)
            .set("name", build.names.restApi())
            .set("description", ApiDesign.description(build.names))
            .set("endpointConfiguration", Map.of("types", List.of("REGIONAL")));
    if (apiId != null) {
      AckAnnotations.adoptOrCreate(rest, Map.of("id", apiId));
    }
    build.emit(rest);
    paths(build, restApi, apiId);

    Needs route = build.needs();
    String aliasArn =
        route.output(ResourceType.ALIAS, StackComponents.alias(FunctionRole.PROCESSOR), Output.ARN);
    String uri =
        aliasArn == null
            ? null
            : ApiDesign.lambdaInvokeUri(
                AwsPartition.of(build.spec.getRegion()), build.spec.getRegion(), aliasArn);
    List<ObjectBuilder> routes =
        ApiRoutes.add(
            build,
            api,
            new ApiRoutes.Shape(
                "restAPIRef",
                "resourceRef",
                "authorizationType",
                (b, integration, r, needs) ->
                    integration
                        .set("httpMethod", r.httpMethod())
                        .set("type", ApiDesign.INTEGRATION_TYPE)
                        .set("integrationHTTPMethod", ApiDesign.INTEGRATION_METHOD)
                        .set("uri", uri)),
            () -> route);

    String deployment = deployment(build, routes, route.met(), apiId);
    build.emit(
        build
            .object(ResourceType.STAGE, StackComponents.STAGE)
            .ref("restAPIRef", restApi)
            .ref("deploymentRef", deployment)
            .set("stageName", api.getStageName())
            .set("tracingEnabled", true));
    build.unsupported(
        "spec.api.throttling",
        "ACK cannot set stage method settings (apigateway-controller v1.8.1 never writes them):"
            + " rate "
            + api.getThrottling().getRateLimit()
            + "/s, burst "
            + api.getThrottling().getBurstLimit()
            + " and method metrics are not applied; set them with UpdateStage outside ACK"
            + " (patch paths /*/*/throttling/rateLimit and /*/*/throttling/burstLimit)");
    return apiId;
  }

  /** parentRef targets Resources only: the root's id is copied from the API's status. */
  private static void paths(StackBuild build, String restApi, String apiId) {
    for (ApiDesign.PathPart path : ApiDesign.PATHS) {
      ObjectBuilder resource =
          build.object(ResourceType.API_RESOURCE, path.component()).ref("restAPIRef", restApi);
      String id = build.reported(ResourceType.API_RESOURCE, path.component(), Output.ID);
      if (id != null && apiId != null) {
        AckAnnotations.adoptOrCreate(resource, Map.of("id", id, "restAPIID", apiId));
      }
      if (path.parentComponent() == null) {
        Needs top = build.needs();
        String rootId =
            top.output(ResourceType.REST_API, StackComponents.REST_API, Output.ROOT_RESOURCE_ID);
        build.emit(resource.set("parentID", rootId).set("pathPart", path.pathPart()), top);
      } else {
        build.emit(
            resource
                .ref("parentRef", build.name(path.parentComponent()))
                .set("pathPart", path.pathPart()));
      }
    }
  }

  /** ACK updates only a deployment's description: a changed API is a new Deployment. */
  private static String deployment(
      StackBuild build, List<ObjectBuilder> routes, boolean routesBuilt, String apiId) {
    DeploymentRollover.Plan plan = DeploymentRollover.plan(build, routes);
    if (!routesBuilt) {
      plan.needs().waitFor("the integrations to be built");
    }
    ObjectBuilder deployment =
        build
            .object(ResourceType.DEPLOYMENT, plan.component())
            .ref("restAPIRef", build.name(StackComponents.REST_API))
            .set("description", "Deployment of " + build.names.restApi());
    String deploymentId = build.reported(ResourceType.DEPLOYMENT, plan.component(), Output.ID);
    if (deploymentId != null && apiId != null) {
      AckAnnotations.adoptOrCreate(deployment, Map.of("id", deploymentId, "restAPIID", apiId));
    }
    build.emit(deployment, plan.needs());
    return DeploymentRollover.stageTarget(build, plan, "deploymentRef", true);
  }

  /** POST /transactions under the stage, once the stage is served. */
  static String endpoint(StackBuild build, String apiId) {
    if (apiId == null || !build.isReady(ResourceType.STAGE, StackComponents.STAGE)) {
      return null;
    }
    return ApiDesign.endpoint(apiId, build.spec.getRegion(), build.spec.getApi().getStageName());
  }
}
