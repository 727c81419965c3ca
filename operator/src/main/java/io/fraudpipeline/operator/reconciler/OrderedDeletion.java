package io.fraudpipeline.operator.reconciler;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.PendingResource;
import io.fraudpipeline.operator.backend.StackBackend;
import io.fraudpipeline.operator.stack.DeletionPhase;
import io.fraudpipeline.operator.stack.ManagedKind;
import io.fraudpipeline.operator.stack.ObservedObjects;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One step of a pipeline's deletion, phase by phase ({@link DeletionPhase}): asks the backend to
 * delete the objects of the earliest phase that still has any, once each, and reports what it waits
 * for. A later phase starts only when every object of the earlier ones is gone from the API server,
 * that is when the backend's controller has deleted it in AWS and removed its finalizer.
 */
final class OrderedDeletion {

  /** How long an object may take to go before a Warning event names it, by default. */
  static final Duration STUCK = Duration.ofMinutes(5);

  /** Where the deletion is: the phase it waits on, and each object of it not gone yet. */
  record Progress(DeletionPhase phase, List<PendingResource> pending, Duration untilStuck) {
    boolean done() {
      return phase == null;
    }
  }

  /** What one pipeline's deletion remembers between steps, by object uid. */
  private record Memory(Map<String, Instant> asked, Set<String> reportedStuck) {
    Memory() {
      this(new ConcurrentHashMap<>(), ConcurrentHashMap.newKeySet());
    }
  }

  private final Clock clock;
  private final Duration stuckAfter;
  // a delete is asked once, even before the cache shows the object deleting
  private final Map<String, Memory> pipelines = new ConcurrentHashMap<>();

  OrderedDeletion(Clock clock, Duration stuckAfter) {
    this.clock = clock;
    this.stuckAfter = stuckAfter;
  }

  /**
   * Deletes what is due and says what is left.
   *
   * @param delete asks the API server to delete an object
   * @param stuck told once of each object that has been going for longer than the stuck time
   */
  Progress step(
      FraudPipeline pipeline,
      StackBackend backend,
      ObservedObjects observed,
      Consumer<GenericKubernetesResource> delete,
      Consumer<String> stuck) {
    Map<DeletionPhase, List<GenericKubernetesResource>> byPhase =
        new EnumMap<>(DeletionPhase.class);
    for (GenericKubernetesResource object : observed.all()) {
      byPhase
          .computeIfAbsent(backend.deletionPhase(kindOf(backend, object)), p -> new ArrayList<>())
          .add(object);
    }
    String pipelineUid = pipeline.getMetadata().getUid();
    if (byPhase.isEmpty()) {
      pipelines.remove(pipelineUid);
      return new Progress(null, List.of(), Duration.ZERO);
    }
    Memory memory = pipelines.computeIfAbsent(pipelineUid, u -> new Memory());
    var current = byPhase.entrySet().iterator().next(); // EnumMap: the earliest phase first
    Instant now = clock.instant();
    List<PendingResource> pending = new ArrayList<>();
    Duration untilStuck = stuckAfter;
    for (GenericKubernetesResource object : current.getValue()) {
      String uid = object.getMetadata().getUid();
      Instant since = deletingSince(object);
      if (since == null) {
        since = memory.asked().get(uid);
      }
      if (since == null) {
        delete.accept(object);
        since = now;
        memory.asked().put(uid, since);
      }
      String name = object.getKind() + " " + object.getMetadata().getName();
      Duration going = Duration.between(since, now);
      if (going.compareTo(stuckAfter) >= 0 && memory.reportedStuck().add(uid)) {
        stuck.accept(name + " has been deleting for over " + spoken(stuckAfter));
      } else if (going.compareTo(stuckAfter) < 0
          && stuckAfter.minus(going).compareTo(untilStuck) < 0) {
        untilStuck = stuckAfter.minus(going);
      }
      pending.add(
          new PendingResource(
              object.getKind(), object.getMetadata().getName(), why(backend, object)));
    }
    return new Progress(current.getKey(), pending, untilStuck);
  }

  /** "5 minutes", "1 minute", "90 seconds": the stuck time as the warning says it. */
  static String spoken(Duration d) {
    if (d.toSecondsPart() == 0 && d.toNanosPart() == 0 && d.toMinutes() > 0) {
      return d.toMinutes() + (d.toMinutes() == 1 ? " minute" : " minutes");
    }
    long seconds = Math.max(1, d.toSeconds());
    return seconds + (seconds == 1 ? " second" : " seconds");
  }

  /** Why the object is still there: its controller's own terminal error, else that it deletes. */
  private static String why(StackBackend backend, GenericKubernetesResource object) {
    return backend
        .terminalError(object)
        .orElse(
            object.getMetadata().getDeletionTimestamp() == null
                ? "asked to delete it"
                : "its controller is still deleting it");
  }

  private static Instant deletingSince(GenericKubernetesResource object) {
    String at = object.getMetadata().getDeletionTimestamp();
    return at == null ? null : Instant.parse(at);
  }

  private static ManagedKind kindOf(StackBackend backend, GenericKubernetesResource object) {
    return backend.kinds().stream()
        .filter(k -> k.is(object.getApiVersion(), object.getKind()))
        .findFirst()
        .orElseThrow();
  }
}
