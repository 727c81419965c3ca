package io.fraudpipeline.operator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fraudpipeline.api.v1alpha1.PipelineAnnotations;
import io.fraudpipeline.api.v1alpha1.UnsupportedSetting;
import io.fraudpipeline.operator.model.FieldChange;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The text {@code diff} prints for one pipeline: a summary line, then one block per object, sorted,
 * each field as {@code path: old -> new}. The same input always prints the same text.
 */
final class DiffOutput {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  /** A string that would read as another type, or whose ends would be lost, is quoted. */
  private static final Pattern PLAIN =
      Pattern.compile("(?!(true|false|null|-?[0-9.]+([eE][-+]?[0-9]+)?)$)\\S(.*\\S)?");

  private static final String INDENT = "    ";

  private DiffOutput() {}

  /**
   * @param pipeline namespace/name
   * @param backend the backend's name, as spec.backend spells it
   * @param paused whether the pipeline carries the pause annotation
   * @param unchanged how many objects already hold what the spec wants
   */
  static List<String> lines(
      String pipeline,
      String backend,
      boolean paused,
      List<StackDiff.Entry> entries,
      int unchanged,
      List<UnsupportedSetting> unsupported) {
    List<String> out = new ArrayList<>();
    if (paused) {
      out.add(
          "FraudPipeline "
              + pipeline
              + " is paused ("
              + PipelineAnnotations.PAUSED
              + ": \"true\"): nothing is applied until the annotation is removed; on resume:");
    }
    out.add("FraudPipeline " + pipeline + " (" + backend + "): " + summary(entries, unchanged));
    for (UnsupportedSetting u : unsupported) {
      out.add("! unsupported " + u.getField() + ": " + u.getReason());
    }
    for (StackDiff.Entry e : entries) {
      out.add(
          e.action().sign
              + " "
              + e.action().word
              + " "
              + e.kind()
              + " "
              + e.namespace()
              + "/"
              + e.name()
              + (e.replacedBy() == null ? "" : " -> " + e.replacedBy()));
      for (FieldChange c : e.changes()) {
        out.add(
            INDENT
                + c.path()
                + ": "
                + value(c.before())
                + " -> "
                + value(c.after())
                + (e.immutable().contains(c.path()) ? " (cannot change in place)" : ""));
      }
      if (e.note() != null) {
        out.add(INDENT + (e.action() == StackDiff.Action.REPLACE ? "cost: " : "") + e.note());
      }
    }
    return out;
  }

  /** "2 to create, 1 to update", or "no changes" with how many objects are as wanted. */
  static String summary(List<StackDiff.Entry> entries, int unchanged) {
    Map<StackDiff.Action, Integer> counts = new EnumMap<>(StackDiff.Action.class);
    entries.forEach(e -> counts.merge(e.action(), 1, Integer::sum));
    if (counts.isEmpty()) {
      return "no changes, " + unchanged + " objects as the spec wants them";
    }
    List<String> parts = new ArrayList<>();
    counts.forEach((action, n) -> parts.add(n + " to " + action.word));
    return String.join(", ", parts) + (unchanged == 0 ? "" : ", " + unchanged + " unchanged");
  }

  /** A value as it reads best: unset, a plain scalar, or compact JSON. */
  static String value(Object v) {
    if (v == null) {
      return "(unset)";
    }
    if (v instanceof String s && PLAIN.matcher(s).matches()) {
      return s;
    }
    try {
      return JSON.writeValueAsString(v);
    } catch (JsonProcessingException e) {
      return String.valueOf(v);
    }
  }
}
