package io.fraudpipeline.operator.stack;

import io.fraudpipeline.api.v1alpha1.ApiSpec;
import io.fraudpipeline.operator.model.ApiDesign;
import io.fraudpipeline.operator.model.StackComponents;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The API's methods and their Lambda proxy integrations ({@link ApiDesign#routes}), for every
 * backend: the methods first, then the integrations, each waiting for what invokes the processor.
 * The dialect names its references and maps each integration.
 */
public final class ApiRoutes {

  /** Everything of an integration past its references; what it needs goes in {@code needs}. */
  @FunctionalInterface
  public interface Integration {
    void map(StackBuild build, ObjectBuilder integration, ApiDesign.Route route, Needs needs);
  }

  /**
   * How a backend spells routes.
   *
   * @param restApiReference the field of a method or integration that references the REST API
   * @param resourceReference the field that references the path part
   * @param authorizationField the field of a method that holds its authorization type
   */
  public record Shape(
      String restApiReference,
      String resourceReference,
      String authorizationField,
      Integration integration) {}

  private ApiRoutes() {}

  /**
   * Emits the methods and integrations (those whose needs are unmet are held back) and returns them
   * all, in that order, for the deployment that snapshots them.
   *
   * @param needs what each integration waits for: a new record each, or one shared
   */
  public static List<ObjectBuilder> add(
      StackBuild build, ApiSpec api, Shape shape, Supplier<Needs> needs) {
    String restApi = build.name(StackComponents.REST_API);
    List<ObjectBuilder> routes = new ArrayList<>();
    for (ApiDesign.Route route : ApiDesign.routes(api)) {
      ObjectBuilder method =
          build
              .object(ResourceType.METHOD, route.component())
              .ref(shape.restApiReference(), restApi)
              .ref(shape.resourceReference(), build.name(route.resourceComponent()))
              .set("httpMethod", route.httpMethod())
              .set(shape.authorizationField(), route.authorization())
              .set("apiKeyRequired", route.apiKeyRequired())
              .set("requestParameters", route.requestParameters());
      build.emit(method);
      routes.add(method);
    }
    for (ApiDesign.Route route : ApiDesign.routes(api)) {
      Needs waits = needs.get();
      ObjectBuilder integration =
          build
              .object(ResourceType.INTEGRATION, route.component())
              .ref(shape.restApiReference(), restApi)
              .ref(shape.resourceReference(), build.name(route.resourceComponent()));
      shape.integration().map(build, integration, route, waits);
      build.emit(integration, waits);
      routes.add(integration);
    }
    return routes;
  }
}
