package io.fraudpipeline.operator.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Whether one JSON-like value holds everything another asks for: maps by key (extra keys allowed),
 * lists element by element, numbers by value (1000.0 and 1000 are the same setting).
 */
public final class Subset {

  private Subset() {}

  public static boolean contains(Object actual, Object desired) {
    if (desired == null) {
      return true;
    }
    if (desired instanceof Map<?, ?> d) {
      if (!(actual instanceof Map<?, ?> a)) {
        return d.isEmpty() && actual == null;
      }
      for (Map.Entry<?, ?> e : d.entrySet()) {
        if (!contains(a.get(e.getKey()), e.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (desired instanceof List<?> d) {
      if (!(actual instanceof List<?> a) || a.size() != d.size()) {
        return false;
      }
      for (int i = 0; i < d.size(); i++) {
        if (!contains(a.get(i), d.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (desired instanceof Number d) {
      return actual instanceof Number a
          && new BigDecimal(d.toString()).compareTo(new BigDecimal(a.toString())) == 0;
    }
    return desired.equals(actual);
  }
}
