package io.fraudpipeline.operator.stack;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fraudpipeline.operator.model.DeploymentTrigger;
import io.fraudpipeline.operator.model.StackComponents;
import java.util.List;

/**
 * How the API's deployment follows its routes, for every backend. A deployment snapshots the API as
 * it is when created, and neither backend changes one in place: it is named by a hash of the
 * methods and integrations, waits until they hold their current fields, and older ones stay until
 * the stage has moved to the new one (API Gateway refuses to delete a deployment a stage uses).
 */
public final class DeploymentRollover {

  /**
   * The deployment the routes ask for now.
   *
   * @param component its component name, carrying the hash
   * @param hash the hash of the routes' fields
   * @param needs the routes it waits for
   */
  public record Plan(String component, String hash, Needs needs) {}

  private DeploymentRollover() {}

  /** Names the deployment after the routes' fields and waits until each holds them. */
  public static Plan plan(StackBuild build, List<ObjectBuilder> routes) {
    Needs needs = build.needs();
    StringBuilder canonical = new StringBuilder();
    for (ObjectBuilder route : routes) {
      needs.current(route.kind(), route.name(), route.fields());
      canonical
          .append(route.kind().kind())
          .append(' ')
          .append(route.name())
          .append(' ')
          .append(Serialization.asJson(route.fields()))
          .append('\n');
    }
    return new Plan(
        StackComponents.hashed(StackComponents.DEPLOYMENT, canonical.toString()),
        DeploymentTrigger.hash(canonical.toString()),
        needs);
  }

  /**
   * Keeps the older deployments until the stage has moved, and returns the one the stage should
   * use: the planned one once Ready (or when there is no other), until then the one it uses; null
   * while there is none yet and the planned one's name is not final.
   *
   * @param stageReference the field of the stage's spec that references its deployment
   * @param planNamed whether the planned name is final (every route it snapshots is known)
   */
  public static String stageTarget(
      StackBuild build, Plan plan, String stageReference, boolean planNamed) {
    ManagedKind deployment = build.dialect.kind(ResourceType.DEPLOYMENT);
    String current = build.name(plan.component());
    List<GenericKubernetesResource> older =
        build.observedStartingWith(deployment, StackComponents.DEPLOYMENT).stream()
            .filter(d -> !d.getMetadata().getName().equals(current))
            .toList();
    String inUse = build.referenced(ResourceType.STAGE, StackComponents.STAGE, stageReference);
    boolean stageMoved =
        current.equals(inUse) && build.isReady(ResourceType.STAGE, StackComponents.STAGE);
    if (!stageMoved) {
      older.forEach(d -> build.keep(deployment, d));
    }
    if (older.isEmpty() || build.isReady(ResourceType.DEPLOYMENT, plan.component())) {
      return planNamed ? current : null;
    }
    return inUse != null ? inUse : older.get(0).getMetadata().getName();
  }
}
