package io.fraudpipeline.benchmarks.scale;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** Sends many requests at once ("all at once, no waiting"), failing on the first that fails. */
final class Parallel {

  private Parallel() {}

  static <T> void forEach(List<T> items, int threads, Consumer<T> action)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> action.accept(item)));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          throw new IllegalStateException(
              "a create failed: " + e.getCause().getMessage(), e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
