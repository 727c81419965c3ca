package io.fraudpipeline.operator.ack;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.operator.stack.CachedObject;
import java.util.HashSet;
import java.util.Set;

/**
 * What the operator keeps of an observed ACK object in its cache: its spec (compared with the
 * desired one) and the few status fields others copy; not status echoes such as a table's item
 * count or a stage's settings.
 */
final class AckCachedFields {

  /** Top-level status fields the model reads. */
  static final Set<String> READ = read();

  private AckCachedFields() {}

  private static Set<String> read() {
    Set<String> read = new HashSet<>(AckDialect.STATUS.values());
    read.add(AckDialect.METADATA);
    read.add("conditions");
    return Set.copyOf(read);
  }

  static <R extends GenericKubernetesResource> R pruned(R object) {
    return CachedObject.pruned(object, object.getAdditionalProperties(), "status", READ);
  }
}
