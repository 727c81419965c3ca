package io.fraudpipeline.operator.stack;

import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import java.util.function.BiFunction;

/**
 * The stack as it will be once every object is Ready (for {@code render --assume-ready}): builds,
 * assumes the dialect's statuses for what was built, and builds again while a round makes progress
 * (more objects built, fewer waiting); then once more, so what is read from status (the endpoint)
 * is there.
 */
public final class AssumedReady {

  /** More rounds than the longest chain of objects waiting on each other. */
  private static final int MOST_ROUNDS = 20;

  private AssumedReady() {}

  public static RenderedStack render(
      FraudPipeline pipeline,
      Dialect dialect,
      BiFunction<FraudPipeline, ObservedObjects, RenderedStack> render) {
    RenderedStack stack = render.apply(pipeline, ObservedObjects.none());
    for (int round = 0; round < MOST_ROUNDS && !stack.waiting().isEmpty(); round++) {
      RenderedStack next = render.apply(pipeline, assumed(stack, dialect));
      boolean progress =
          next.desired().size() > stack.desired().size()
              || next.waiting().size() < stack.waiting().size();
      stack = next;
      if (!progress) {
        break;
      }
    }
    return render.apply(pipeline, assumed(stack, dialect));
  }

  private static ObservedObjects assumed(RenderedStack stack, Dialect dialect) {
    return new ObservedObjects(stack.desired().stream().map(dialect::withAssumedStatus).toList());
  }
}
