package io.fraudpipeline.operator.stack;

import java.util.Optional;

/**
 * How a backend's controllers are told to leave an object alone: an annotation set to {@code
 * "true"} on each object of a paused pipeline, and what that cannot hold back, if anything.
 *
 * @param annotation the controller's own pause or read-only annotation
 * @param limits what the annotation does not pause, as {@code status.unsupported} reports it; null
 *     when it pauses the controller entirely
 */
public record ControllerPause(String annotation, String limits) {

  public Optional<String> limitations() {
    return Optional.ofNullable(limits);
  }
}
