package io.fraudpipeline.operator.stack;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Map;

/** Reads a nested field of a schemaless object: {@code get(r, "status", "atProvider", "arn")}. */
public final class FieldPath {

  private FieldPath() {}

  @SuppressWarnings("unchecked")
  public static Object get(GenericKubernetesResource r, String first, String... rest) {
    Object current = r.getAdditionalProperties().get(first);
    for (String key : rest) {
      if (!(current instanceof Map<?, ?> m)) {
        return null;
      }
      current = ((Map<String, Object>) m).get(key);
    }
    return current;
  }

  /** The field as a non-empty string, else null. */
  public static String string(GenericKubernetesResource r, String first, String... rest) {
    return get(r, first, rest) instanceof String s && !s.isEmpty() ? s : null;
  }
}
