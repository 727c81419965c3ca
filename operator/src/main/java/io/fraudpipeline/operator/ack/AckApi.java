package io.fraudpipeline.operator.ack;

import static io.fraudpipeline.operator.ack.AckKinds.ALIAS;
import static io.fraudpipeline.operator.ack.AckKinds.API_RESOURCE;
import static io.fraudpipeline.operator.ack.AckKinds.DEPLOYMENT;
import static io.fraudpipeline.operator.ack.AckKinds.INTEGRATION;
import static io.fraudpipeline.operator.ack.AckKinds.METHOD;
import static io.fraudpipeline.operator.ack.AckKinds.REST_API;
import static io.fraudpipeline.operator.ack.AckKinds.STAGE;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fraudpipeline.api.v1alpha1.ApiSpec;
import io.fraudpipeline.operator.model.FunctionRole;
import io.fraudpipeline.operator.model.StackComponents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The REST API: POST /transactions and GET /transactions/{transactionId}, both proxied to the
 * processor's live alias; a deployment that changes when they do; the stage. The ids API Gateway
 * assigns live only in status, so each object also names its own id as adoption fields once known:
 * if the object is ever re-created without status (a restore, a re-created pipeline), ACK finds the
 * same API instead of creating a second one.
 */
final class AckApi {

  private AckApi() {}

  /** Returns the REST API's id, once reported. */
  static String add(AckContext ctx) {
    ApiSpec api = ctx.spec.getApi();
    String restApi = ctx.name(StackComponents.REST_API);
    var observedApi = ctx.observed.find(REST_API, restApi);
    String apiId = observedApi.map(r -> AckStatus.field(r, AckStatus.ID)).orElse(null);
    AckObject rest =
        ctx.object(REST_API, StackComponents.REST_API)
            .set("name", ctx.names.restApi())
            .set("description", "Fraud detection API of pipeline " + ctx.names.suffix())
            .set("endpointConfiguration", Map.of("types", List.of("REGIONAL")));
    if (apiId != null) {
      rest.adoptOrCreate(Map.of("id", apiId));
    }
    ctx.emit(rest);

    AckNeeds top = ctx.needs();
    String rootId = top.status(REST_API, restApi, AckStatus.ROOT_RESOURCE_ID);
    ctx.emit(
        resource(ctx, StackComponents.TRANSACTIONS_RESOURCE, apiId)
            // parentRef targets Resources only: the root's id is copied from the API's status
            .set("parentID", rootId)
            .set("pathPart", "transactions"),
        top);
    ctx.emit(
        resource(ctx, StackComponents.TRANSACTION_RESOURCE, apiId)
            .ref("parentRef", ctx.name(StackComponents.TRANSACTIONS_RESOURCE))
            .set("pathPart", "{transactionId}"));

    AckNeeds route = ctx.needs();
    String aliasArn =
        route.status(ALIAS, ctx.name(StackComponents.alias(FunctionRole.PROCESSOR)), AckStatus.ARN);
    String uri =
        aliasArn == null
            ? null
            : "arn:"
                + ctx.partition
                + ":apigateway:"
                + ctx.spec.getRegion()
                + ":lambda:path/2015-03-31/functions/"
                + aliasArn
                + "/invocations";
    List<AckObject> routes = new ArrayList<>();
    routes.add(
        method(ctx, api, StackComponents.POST_TRANSACTIONS, StackComponents.TRANSACTIONS_RESOURCE));
    routes.add(
        method(ctx, api, StackComponents.GET_TRANSACTION, StackComponents.TRANSACTION_RESOURCE));
    routes.forEach(ctx::emit);
    List<AckObject> integrations =
        List.of(
            integration(
                ctx, StackComponents.POST_TRANSACTIONS, StackComponents.TRANSACTIONS_RESOURCE, uri),
            integration(
                ctx, StackComponents.GET_TRANSACTION, StackComponents.TRANSACTION_RESOURCE, uri));
    for (AckObject i : integrations) {
      ctx.emit(i, route);
    }
    routes.addAll(integrations);

    String deployment = deployment(ctx, routes, route.met(), apiId);
    ctx.emit(
        ctx.object(STAGE, StackComponents.STAGE)
            .ref("restAPIRef", restApi)
            .ref("deploymentRef", deployment)
            .set("stageName", api.getStageName())
            .set("tracingEnabled", true));
    ctx.unsupported(
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

  private static AckObject resource(AckContext ctx, String component, String apiId) {
    AckObject r =
        ctx.object(API_RESOURCE, component).ref("restAPIRef", ctx.name(StackComponents.REST_API));
    String id =
        ctx.observed
            .find(API_RESOURCE, ctx.name(component))
            .map(o -> AckStatus.field(o, AckStatus.ID))
            .orElse(null);
    if (id != null && apiId != null) {
      r.adoptOrCreate(Map.of("id", id, "restAPIID", apiId));
    }
    return r;
  }

  private static AckObject method(
      AckContext ctx, ApiSpec api, String component, String resourceComponent) {
    boolean get = component.equals(StackComponents.GET_TRANSACTION);
    AckObject m =
        ctx.object(METHOD, component)
            .ref("restAPIRef", ctx.name(StackComponents.REST_API))
            .ref("resourceRef", ctx.name(resourceComponent))
            .set("httpMethod", get ? "GET" : "POST")
            .set("authorizationType", api.getAuthorization().value())
            .set("apiKeyRequired", false);
    if (get) {
      m.set("requestParameters", Map.of("method.request.path.transactionId", true));
    }
    return m;
  }

  private static AckObject integration(
      AckContext ctx, String methodComponent, String resourceComponent, String uri) {
    return ctx.object(INTEGRATION, methodComponent)
        .ref("restAPIRef", ctx.name(StackComponents.REST_API))
        .ref("resourceRef", ctx.name(resourceComponent))
        .set("httpMethod", methodComponent.equals(StackComponents.GET_TRANSACTION) ? "GET" : "POST")
        .set("type", "AWS_PROXY")
        // Lambda is always invoked with POST, whatever the client's method
        .set("integrationHTTPMethod", "POST")
        .set("uri", uri);
  }

  /**
   * ACK updates only a deployment's description, so a changed API needs a new Deployment: its name
   * carries a hash of the methods and integrations, it waits until they are synced with their
   * current spec, and older ones stay until the stage has moved (API Gateway refuses to delete a
   * deployment a stage uses). Returns the deployment the stage should use.
   */
  private static String deployment(
      AckContext ctx, List<AckObject> routes, boolean routesBuilt, String apiId) {
    AckNeeds needs = ctx.needs();
    StringBuilder canonical = new StringBuilder();
    for (AckObject r : routes) {
      needs.current(r.kind(), r.name(), r.spec());
      canonical
          .append(r.kind().kind())
          .append(' ')
          .append(r.name())
          .append(' ')
          .append(Serialization.asJson(r.spec()))
          .append('\n');
    }
    if (!routesBuilt) {
      needs.holdFor("the integrations to be built");
    }
    String component = StackComponents.hashed(StackComponents.DEPLOYMENT, canonical.toString());
    String current = ctx.name(component);
    AckObject deployment =
        ctx.object(DEPLOYMENT, component)
            .ref("restAPIRef", ctx.name(StackComponents.REST_API))
            .set("description", "Deployment of " + ctx.names.restApi());
    String deploymentId =
        ctx.observed
            .find(DEPLOYMENT, current)
            .map(o -> AckStatus.field(o, AckStatus.ID))
            .orElse(null);
    if (deploymentId != null && apiId != null) {
      deployment.adoptOrCreate(Map.of("id", deploymentId, "restAPIID", apiId));
    }
    ctx.emit(deployment, needs);

    String stage = ctx.name(StackComponents.STAGE);
    List<GenericKubernetesResource> older =
        ctx.observedStartingWith(DEPLOYMENT, StackComponents.DEPLOYMENT).stream()
            .filter(d -> !d.getMetadata().getName().equals(current))
            .toList();
    var observedStage = ctx.observed.find(STAGE, stage);
    String inUse = observedStage.map(s -> AckStatus.refName(s, "deploymentRef")).orElse(null);
    boolean stageMoved =
        current.equals(inUse) && observedStage.map(AckReadiness::isReady).orElse(false);
    if (!stageMoved) {
      older.forEach(ctx::keep);
    }
    boolean currentReady =
        ctx.observed.find(DEPLOYMENT, current).map(AckReadiness::isReady).orElse(false);
    if (older.isEmpty() || currentReady) {
      return current;
    }
    return inUse != null ? inUse : older.get(0).getMetadata().getName();
  }

  /** {@code https://<id>.execute-api.<region>.amazonaws.com/<stage>/transactions}, once served. */
  static String endpoint(AckContext ctx, String apiId) {
    boolean stageReady =
        ctx.observed
            .find(STAGE, ctx.name(StackComponents.STAGE))
            .map(AckReadiness::isReady)
            .orElse(false);
    if (apiId == null || !stageReady) {
      return null;
    }
    String domain = ctx.partition.equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com";
    return "https://"
        + apiId
        + ".execute-api."
        + ctx.spec.getRegion()
        + "."
        + domain
        + "/"
        + ctx.spec.getApi().getStageName()
        + "/transactions";
  }
}
