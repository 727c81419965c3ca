package io.fraudpipeline.operator.crossplane;

import io.fraudpipeline.operator.model.Subset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one MR needs from the status of others. Each lookup either returns the value or records what
 * is missing, so the MR is held back with a reason such as "waiting for Table payments-transactions
 * streamArn".
 */
final class Needs {

  private final ObservedResources observed;
  private final List<String> missing = new ArrayList<>();

  Needs(ObservedResources observed) {
    this.observed = observed;
  }

  String atProvider(ManagedKind kind, String mrName, String field) {
    String value = observed.atProvider(kind, mrName, field).orElse(null);
    if (value == null) {
      missing.add(kind.kind() + " " + mrName + " " + field);
    }
    return value;
  }

  /** Ready, and already holding the settings the model wants now (not a stale Ready). */
  void current(ManagedKind kind, String mrName, Map<String, Object> forProvider) {
    var actual = observed.find(kind, mrName);
    if (actual.isEmpty() || !Readiness.isReady(actual.get())) {
      missing.add(kind.kind() + " " + mrName + " to be Ready");
    } else if (!Subset.contains(StatusFields.forProvider(actual.get()), forProvider)
        || !Readiness.isUpToDate(actual.get())) {
      missing.add(kind.kind() + " " + mrName + " to apply its change");
    }
  }

  /** Something not read from one MR's status, named as the pending list will say it. */
  void waitFor(String what) {
    missing.add(what);
  }

  boolean met() {
    return missing.isEmpty();
  }

  String describe() {
    return "waiting for " + String.join(", ", missing);
  }
}
