package io.fraudpipeline.benchmarks.scale;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fraudpipeline.operator.crossplane.CrossplaneBackend;
import io.fraudpipeline.operator.crossplane.CrossplaneKinds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

/**
 * Counts the objects of some kinds that have been seen ready, by watches that keep only their keys
 * (no cache: the benchmark's own memory stays small), and notes when a count is reached.
 */
final class ReadyWatch implements AutoCloseable {

  /** A kind to watch, by apiVersion and kind. */
  record Kind(String apiVersion, String kind) {}

  private final Set<String> ready = ConcurrentHashMap.newKeySet();
  private final List<Watch> watches = new ArrayList<>();
  private final Predicate<GenericKubernetesResource> isReady;

  /**
   * Every Crossplane kind the operator emits, ready when Crossplane says so. Each system's run has
   * this watch open, so the watch fan-out the server serves is the same for all.
   */
  static ReadyWatch managedResources(KubernetesClient client) {
    return new ReadyWatch(
        client,
        CrossplaneKinds.all().stream().map(k -> new Kind(k.apiVersion(), k.kind())).toList(),
        CrossplaneBackend.INSTANCE::isReady);
  }

  ReadyWatch(
      KubernetesClient client, List<Kind> kinds, Predicate<GenericKubernetesResource> isReady) {
    this.isReady = isReady;
    for (Kind k : kinds) {
      watches.add(
          client
              .genericKubernetesResources(k.apiVersion(), k.kind())
              .inAnyNamespace()
              .watch(
                  new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, GenericKubernetesResource r) {
                      seen(k, action, r);
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                      // fabric8 reconnects on its own; a closed watch ends with the benchmark
                    }
                  }));
    }
  }

  private void seen(Kind k, Watcher.Action action, GenericKubernetesResource r) {
    if ((action == Watcher.Action.ADDED || action == Watcher.Action.MODIFIED) && isReady.test(r)) {
      ready.add(k.kind() + "/" + r.getMetadata().getNamespace() + "/" + r.getMetadata().getName());
    }
  }

  int count() {
    return ready.size();
  }

  /**
   * Waits until {@code target} objects have been seen ready, giving up when the timeout passes or
   * when {@code progress} (this count and the MRs') has not moved for {@code stall}: a system that
   * stopped converging is reported, not waited on for the whole timeout.
   *
   * @return the System.nanoTime() at which the count was first seen reached
   * @throws TimedOut when the timeout passed while the count still moved
   * @throws IllegalStateException with the count reached, when it stopped moving
   */
  long await(
      int target, Duration timeout, Duration stall, IntSupplier progress, Runnable whileWaiting)
      throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    int lastProgress = progress.getAsInt();
    long lastMoved = start;
    while (ready.size() < target) {
      long now = System.nanoTime();
      int p = progress.getAsInt();
      if (p != lastProgress) {
        lastProgress = p;
        lastMoved = now;
      }
      if (now > deadline) {
        throw new TimedOut(
            "%d of %d ready after %d s (timed out)"
                .formatted(ready.size(), target, (now - start) / 1_000_000_000L),
            ready.size(),
            now);
      }
      if (now - lastMoved > stall.toNanos()) {
        throw new IllegalStateException(
            "%d of %d ready after %d s (no progress for %d s)"
                .formatted(
                    ready.size(), target, (now - start) / 1_000_000_000L, stall.toSeconds()));
      }
      whileWaiting.run();
      Thread.sleep(50);
    }
    return System.nanoTime();
  }

  /** The timeout passed before the count was reached, with the system still converging. */
  static final class TimedOut extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** Objects seen ready by then. */
    final int reached;

    /** The System.nanoTime() of the timeout. */
    final long at;

    TimedOut(String message, int reached, long at) {
      super(message);
      this.reached = reached;
      this.at = at;
    }
  }

  @Override
  public void close() {
    watches.forEach(Watch::close);
  }
}
