package io.fraudpipeline.operator.ack;

import io.fraudpipeline.operator.model.Json;
import io.fraudpipeline.operator.stack.ObjectBuilder;
import java.util.Map;
import java.util.TreeMap;

/** The annotations the ACK runtime reads on each object. */
final class AckAnnotations {

  /** Region of the AWS object; else the namespace's default-region, else the controller's. */
  static final String REGION = "services.k8s.aws/region";

  /**
   * Exactly {@code delete} deletes the AWS object with the Kubernetes one; anything else keeps it.
   */
  static final String DELETION_POLICY = "services.k8s.aws/deletion-policy";

  static final String ADOPTION_POLICY = "services.k8s.aws/adoption-policy";

  /** JSON naming the AWS identifier to adopt by, e.g. {@code {"tableName": "transactions-dev"}}. */
  static final String ADOPTION_FIELDS = "services.k8s.aws/adoption-fields";

  static final String DELETE = "delete";
  static final String RETAIN = "retain";

  /** Find the AWS object by the adoption fields, else create it. */
  static final String ADOPT_OR_CREATE = "adopt-or-create";

  private AckAnnotations() {}

  /** Find the AWS object by these fields before creating one. */
  static ObjectBuilder adoptOrCreate(ObjectBuilder object, Map<String, String> fields) {
    // sorted: the annotation must read the same in every JVM, or each restart rewrites it
    return object
        .annotate(ADOPTION_POLICY, ADOPT_OR_CREATE)
        .annotate(ADOPTION_FIELDS, Json.write(new TreeMap<>(fields)));
  }
}
