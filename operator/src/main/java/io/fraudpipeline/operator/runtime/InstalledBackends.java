package io.fraudpipeline.operator.runtime;

import io.fraudpipeline.operator.ack.AckBackend;
import io.fraudpipeline.operator.backend.Backends;
import io.fraudpipeline.operator.crossplane.CrossplaneBackend;
import java.util.List;

/**
 * The backends this build of the operator serves: the one place that names them all, so the
 * reconciler, the caches and {@code render} speak only the seam's words.
 */
public final class InstalledBackends {

  private static final Backends ALL =
      new Backends(List.of(CrossplaneBackend.INSTANCE, AckBackend.INSTANCE));

  private InstalledBackends() {}

  public static Backends all() {
    return ALL;
  }
}
