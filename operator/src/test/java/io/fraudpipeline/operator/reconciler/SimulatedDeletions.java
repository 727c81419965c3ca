package io.fraudpipeline.operator.reconciler;

import java.time.Duration;
import java.util.Set;

/**
 * A simulated backend controller's side of a deletion: like the real ones it holds each object with
 * its own finalizer until it has deleted the AWS resource, which takes a while, or never.
 */
interface SimulatedDeletions extends AutoCloseable {

  /** An AWS object the controller deleted, or left in AWS when its Kubernetes object went. */
  record Deletion(String namespace, String kind, String name, boolean deletedInAws) {}

  /** From now on each deletion in AWS takes this long. */
  void deleteAfter(Duration delay);

  /** The AWS resource of this object never finishes deleting until {@link #release}d. */
  void hold(String namespace, String name);

  /** Ends a {@link #hold}: the deletion finishes. */
  void release(String namespace, String name);

  /** The objects the controller released, and whether it deleted their AWS resource. */
  Set<Deletion> deletions();
}
