package io.fraudpipeline.operator.runtime;

import io.javaoperatorsdk.operator.Operator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the running operator ends. On SIGTERM: stop taking events, let the reconciles in flight
 * finish (up to {@code SHUTDOWN_TIMEOUT}), then exit. On a lost lease while running: exit at once,
 * so that only the new leader writes; the pod restarts as a follower.
 *
 * <p>JOSDK's own shutdown hook is not installed when leader election is on, hence this one.
 */
public final class GracefulShutdown {

  private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);

  private final AtomicBoolean stopping = new AtomicBoolean();
  private final IntConsumer exit;

  /** {@code exit}: {@link System#exit} in production. */
  public GracefulShutdown(IntConsumer exit) {
    this.exit = exit;
  }

  /** Stops the operator when the JVM is asked to end. */
  public void install(Operator operator) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(operator), "graceful-shutdown"));
  }

  /** Stops the operator, waiting for the reconciles in flight. */
  public void stop(Operator operator) {
    if (stopping.compareAndSet(false, true)) {
      LOG.info("stopping: finishing the reconciles in flight");
      operator.stop();
      LOG.info("stopped");
    }
  }

  /**
   * The leader callback: a lease lost while running ends the process; one lost because we stop is
   * expected. The exit runs on its own thread so the elector's thread can end and not hold up the
   * shutdown that the exit starts.
   */
  public void lostLeadership() {
    if (stopping.get()) {
      return;
    }
    LOG.error("lost the leader lease: exiting so that only the new leader writes");
    Thread exiter = new Thread(() -> exit.accept(1), "lost-leadership-exit");
    exiter.start();
  }
}
