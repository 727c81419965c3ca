package io.fraudpipeline.benchmarks.scale;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.testing.cluster.ControlPlane;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The call into {@code io.fraudpipeline.benchmarks.scale.kro.KroPeer}, the kro peer of the
 * benchmark (another package, built on its own schedule): found by name, so this module builds and
 * reports "kro: not run" without it rather than failing or faking a figure.
 */
final class KroSeam implements AutoCloseable {

  static final String CLASS = "io.fraudpipeline.benchmarks.scale.kro.KroPeer";

  private final Object peer;
  private final Class<?> type;

  private KroSeam(Object peer) {
    this.peer = peer;
    this.type = peer.getClass();
  }

  /** The peer class, when this build has it. */
  static Optional<Class<?>> available() {
    try {
      return Optional.of(Class.forName(CLASS));
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    }
  }

  static KroSeam start(Class<?> type, ControlPlane cluster, Path kubeconfig, Path logDir)
      throws Exception {
    Method start = type.getMethod("start", ControlPlane.class, Path.class, Path.class);
    return new KroSeam(unwrap(() -> start.invoke(null, cluster, kubeconfig, logDir)));
  }

  GenericKubernetesResource instance(String namespace, String name) throws Exception {
    Method m = type.getMethod("instance", String.class, String.class);
    return (GenericKubernetesResource) unwrap(() -> m.invoke(peer, namespace, name));
  }

  boolean isReady(GenericKubernetesResource instance) {
    try {
      Method m = type.getMethod("isReady", GenericKubernetesResource.class);
      return (Boolean) unwrap(() -> m.invoke(peer, instance));
    } catch (Exception e) {
      throw new IllegalStateException("KroPeer.isReady failed", e);
    }
  }

  long pid() throws Exception {
    Method m = type.getMethod("pid");
    return (Long) unwrap(() -> m.invoke(peer));
  }

  String coverage() throws Exception {
    Method m = type.getMethod("coverage");
    return (String) unwrap(() -> m.invoke(peer));
  }

  @Override
  public void close() throws Exception {
    Method m = type.getMethod("close");
    unwrap(() -> m.invoke(peer));
  }

  private interface Call {
    Object call() throws IllegalAccessException, InvocationTargetException;
  }

  /** The peer's own exception, not reflection's wrapper. */
  private static Object unwrap(Call call) throws Exception {
    try {
      return call.call();
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }
}
