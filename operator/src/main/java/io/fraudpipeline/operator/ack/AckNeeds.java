package io.fraudpipeline.operator.ack;

import io.fraudpipeline.operator.crossplane.ManagedKind;
import io.fraudpipeline.operator.crossplane.ObservedResources;
import io.fraudpipeline.operator.model.Subset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one ACK object needs from the status of others (ACK has few references: the operator copies
 * ARNs and ids into spec). Each lookup returns the value or records what is missing, so the object
 * is held back with a reason such as "waiting for Table payments-transactions latestStreamARN".
 */
final class AckNeeds {

  private final ObservedResources observed;
  private final List<String> missing = new ArrayList<>();

  AckNeeds(ObservedResources observed) {
    this.observed = observed;
  }

  String status(ManagedKind kind, String objectName, String field) {
    String value = observed.find(kind, objectName).map(r -> AckStatus.field(r, field)).orElse(null);
    if (value == null) {
      missing.add(kind.kind() + " " + objectName + " " + field);
    }
    return value;
  }

  /** Synced, and already holding the spec the model wants now (not a stale Synced). */
  void current(ManagedKind kind, String objectName, Map<String, Object> spec) {
    var actual = observed.find(kind, objectName);
    if (actual.isEmpty() || !AckReadiness.isReady(actual.get())) {
      missing.add(kind.kind() + " " + objectName + " to be synced");
    } else if (!Subset.contains(AckStatus.spec(actual.get()), spec)) {
      missing.add(kind.kind() + " " + objectName + " to apply its change");
    }
  }

  /** Records a reason of the model's own, e.g. an old object still being deleted. */
  void holdFor(String what) {
    missing.add(what);
  }

  boolean met() {
    return missing.isEmpty();
  }

  String describe() {
    return "waiting for " + String.join(", ", missing);
  }
}
