package io.fraudpipeline.operator.crossplane;

import java.util.ArrayList;
import java.util.List;

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

  void ready(ManagedKind kind, String mrName) {
    if (!observed.isReady(kind, mrName)) {
      missing.add(kind.kind() + " " + mrName + " to be Ready");
    }
  }

  boolean met() {
    return missing.isEmpty();
  }

  String describe() {
    return "waiting for " + String.join(", ", missing);
  }
}
