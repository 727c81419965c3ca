package io.fraudpipeline.operator.ack;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the parts of an ACK object's status and spec the operator uses. */
final class AckStatus {

  /** {@code status.ackResourceMetadata.arn}: the ARN of most kinds (not API Gateway's). */
  static final String ARN = "arn";

  /** {@code status.ackResourceMetadata.ownerAccountID}: the account, on every kind. */
  static final String ACCOUNT = "ownerAccountID";

  static final String LATEST_STREAM_ARN = "latestStreamARN";
  static final String ID = "id";
  static final String ROOT_RESOURCE_ID = "rootResourceID";
  static final String VERSION = "version";
  static final String UUID = "uuid";

  /** Top-level status fields the model reads; the cache keeps only these. */
  static final Set<String> READ =
      Set.of(
          "ackResourceMetadata",
          "conditions",
          LATEST_STREAM_ARN,
          ID,
          ROOT_RESOURCE_ID,
          VERSION,
          UUID);

  private AckStatus() {}

  /** A top-level status field, or one of {@code ackResourceMetadata}. */
  static String field(GenericKubernetesResource r, String name) {
    Object value =
        ARN.equals(name) || ACCOUNT.equals(name)
            ? path(r, "status", "ackResourceMetadata", name)
            : path(r, "status", name);
    return value instanceof String s && !s.isEmpty() ? s : null;
  }

  static Object spec(GenericKubernetesResource r) {
    return r.getAdditionalProperties().get("spec");
  }

  /** The name in {@code spec.<field>.from.name}, an ACK reference. */
  static String refName(GenericKubernetesResource r, String field) {
    Object value = path(r, "spec", field, "from", "name");
    return value instanceof String s ? s : null;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> conditions(GenericKubernetesResource r) {
    Object value = path(r, "status", "conditions");
    return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
  }

  @SuppressWarnings("unchecked")
  static Object path(GenericKubernetesResource r, String first, String... rest) {
    Object current = r.getAdditionalProperties().get(first);
    for (String key : rest) {
      if (!(current instanceof Map<?, ?> m)) {
        return null;
      }
      current = ((Map<String, Object>) m).get(key);
    }
    return current;
  }
}
