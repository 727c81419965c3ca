package io.fraudpipeline.operator.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Whether one JSON-like value holds everything another asks for: maps by key (extra keys allowed),
 * lists element by element, numbers by value (1000.0 and 1000 are the same setting); and, where it
 * does not, which fields differ. One walk answers both, so what {@code diff} prints is exactly what
 * makes the operator write.
 */
public final class Subset {

  /** A map key that needs quoting in a path: it has a dot, a slash or a bracket. */
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_$-]+");

  private Subset() {}

  public static boolean contains(Object actual, Object desired) {
    return walk(actual, desired, null, null);
  }

  /**
   * The fields of {@code desired} that {@code actual} does not hold, by path under {@code root}; a
   * list of another length is one change of the whole list. Empty exactly when {@link #contains}.
   */
  public static List<FieldChange> differences(Object actual, Object desired, String root) {
    List<FieldChange> out = new ArrayList<>();
    walk(actual, desired, root, out);
    return out;
  }

  /**
   * Compares; records each difference in {@code out} when given (walking on), else stops at the
   * first. The paths are built only when recorded.
   */
  private static boolean walk(Object actual, Object desired, String path, List<FieldChange> out) {
    if (desired == null) {
      return true;
    }
    if (desired instanceof Map<?, ?> d) {
      if (!(actual instanceof Map<?, ?> a)) {
        return (d.isEmpty() && actual == null) || differs(path, actual, desired, out);
      }
      boolean all = true;
      for (Map.Entry<?, ?> e : d.entrySet()) {
        String key = String.valueOf(e.getKey());
        if (!walk(a.get(e.getKey()), e.getValue(), out == null ? null : child(path, key), out)) {
          all = false;
          if (out == null) {
            return false;
          }
        }
      }
      return all;
    }
    if (desired instanceof List<?> d) {
      if (!(actual instanceof List<?> a) || a.size() != d.size()) {
        return differs(path, actual, desired, out);
      }
      boolean all = true;
      for (int i = 0; i < d.size(); i++) {
        if (!walk(a.get(i), d.get(i), out == null ? null : path + "[" + i + "]", out)) {
          all = false;
          if (out == null) {
            return false;
          }
        }
      }
      return all;
    }
    if (desired instanceof Number d) {
      return (actual instanceof Number a
              && new BigDecimal(d.toString()).compareTo(new BigDecimal(a.toString())) == 0)
          || differs(path, actual, desired, out);
    }
    return desired.equals(actual) || differs(path, actual, desired, out);
  }

  private static boolean differs(
      String path, Object actual, Object desired, List<FieldChange> out) {
    if (out != null) {
      out.add(new FieldChange(path, actual, desired));
    }
    return false;
  }

  /** {@code spec.forProvider}, or {@code metadata.annotations["crossplane.io/external-name"]}. */
  private static String child(String path, String key) {
    String step = PLAIN_KEY.matcher(key).matches() ? key : "[\"" + key + "\"]";
    if (path == null || path.isEmpty()) {
      return step;
    }
    return step.startsWith("[") ? path + step : path + "." + step;
  }
}
