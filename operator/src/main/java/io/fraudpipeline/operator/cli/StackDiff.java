package io.fraudpipeline.operator.cli;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fraudpipeline.operator.model.FieldChange;
import io.fraudpipeline.operator.reconciler.StackPlan;
import io.fraudpipeline.operator.stack.ManagedKind;
import io.fraudpipeline.operator.stack.ManagedObject;
import io.fraudpipeline.operator.stack.Replacement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the next passes would do to each object of a pipeline, as {@code diff} prints it: the
 * reconciler's {@link StackPlan}, with the replacements its recipes recorded told apart from plain
 * updates, deletes and creates. Sorted by kind, then name.
 */
final class StackDiff {

  enum Action {
    CREATE("+", "create"),
    UPDATE("~", "update"),
    REPLACE("-/+", "replace"),
    DELETE("-", "delete");

    final String sign;
    final String word;

    Action(String sign, String word) {
      this.sign = sign;
      this.word = word;
    }
  }

  /**
   * One object's change.
   *
   * @param kind {@code Kind.group}, as kubectl names a kind unambiguously
   * @param replacedBy for a replacement by a new object, its name; else null
   * @param changes the fields an update or replacement changes
   * @param immutable the paths among {@code changes} that cannot change in place
   * @param note one more line: what a create waits for, what a replacement costs
   */
  record Entry(
      Action action,
      String kind,
      String namespace,
      String name,
      String replacedBy,
      List<FieldChange> changes,
      List<String> immutable,
      String note) {}

  private StackDiff() {}

  /**
   * The entries of a plan. A replacement under the same name is the update the plan has of it; one
   * by a new object is the delete of the old and the create, now or once the old is gone, of the
   * new.
   */
  static List<Entry> of(
      StackPlan plan, List<Replacement> replacements, List<ManagedKind> kinds, String namespace) {
    Map<String, Replacement> replaced =
        replacements.stream()
            .collect(Collectors.toMap(r -> r.kind() + "/" + r.name(), Function.identity()));
    Map<String, Replacement> replacing =
        replacements.stream()
            .collect(Collectors.toMap(r -> r.kind() + "/" + r.replacedBy(), Function.identity()));
    List<Entry> entries = new ArrayList<>();
    for (ManagedObject created : plan.creates()) {
      if (!replacing.containsKey(key(created))) {
        entries.add(entry(Action.CREATE, created, null, List.of(), List.of(), null));
      }
    }
    for (StackPlan.Update update : plan.updates()) {
      Optional<Replacement> r = Optional.ofNullable(replaced.get(key(update.desired())));
      entries.add(
          entry(
              r.isPresent() ? Action.REPLACE : Action.UPDATE,
              update.desired(),
              null,
              update.changes(),
              r.map(StackDiff::paths).orElse(List.of()),
              r.map(Replacement::cost).orElse(null)));
    }
    for (GenericKubernetesResource deleted : plan.deletes()) {
      Replacement r = replaced.get(key(deleted));
      if (r == null) {
        entries.add(
            entry(
                Action.DELETE,
                deleted,
                null,
                List.of(),
                List.of(),
                "no longer wanted by the spec"));
      } else {
        entries.add(entry(Action.REPLACE, deleted, r.replacedBy(), r.fields(), paths(r), r.cost()));
      }
    }
    for (StackPlan.Waiting waiting : plan.waiting()) {
      String key = waiting.pending().getKind() + "/" + waiting.pending().getName();
      if (!waiting.exists() && !replacing.containsKey(key)) {
        entries.add(
            new Entry(
                Action.CREATE,
                qualified(waiting.pending().getKind(), kinds),
                namespace,
                waiting.pending().getName(),
                null,
                List.of(),
                List.of(),
                "once " + waiting.pending().getReason()));
      }
    }
    entries.sort(Comparator.comparing(Entry::kind).thenComparing(Entry::name));
    return entries;
  }

  private static Entry entry(
      Action action,
      HasMetadata object,
      String replacedBy,
      List<FieldChange> changes,
      List<String> immutable,
      String note) {
    return new Entry(
        action,
        object.getKind() + "." + group(object),
        object.getMetadata().getNamespace(),
        object.getMetadata().getName(),
        replacedBy,
        changes,
        immutable,
        note);
  }

  /** A waiting object is not built: its kind is found by name among the backend's. */
  private static String qualified(String kind, List<ManagedKind> kinds) {
    return kinds.stream()
        .filter(k -> k.kind().equals(kind))
        .findFirst()
        .map(k -> kind + "." + k.group())
        .orElse(kind);
  }

  private static String group(HasMetadata object) {
    String apiVersion = object.getApiVersion();
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  private static List<String> paths(Replacement r) {
    return r.fields().stream().map(FieldChange::path).toList();
  }

  private static String key(HasMetadata object) {
    return object.getKind() + "/" + object.getMetadata().getName();
  }
}
