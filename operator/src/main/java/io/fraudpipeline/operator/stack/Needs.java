package io.fraudpipeline.operator.stack;

import io.fraudpipeline.operator.model.Subset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one object needs from the status of others. Each lookup either returns the value or records
 * what is missing, so the object is held back with a reason such as "waiting for Table
 * payments-transactions streamArn".
 */
public final class Needs {

  private final String pipelineName;
  private final ObservedObjects observed;
  private final Dialect dialect;
  private final List<String> missing = new ArrayList<>();

  Needs(String pipelineName, ObservedObjects observed, Dialect dialect) {
    this.pipelineName = pipelineName;
    this.observed = observed;
    this.dialect = dialect;
  }

  /** An output of another object of the pipeline; null, and recorded, until reported. */
  public String output(ManagedKind kind, String objectName, Output output) {
    String value = observed.find(kind, objectName).map(r -> dialect.output(r, output)).orElse(null);
    if (value == null) {
      missing.add(kind.kind() + " " + objectName + " " + dialect.outputName(output));
    }
    return value;
  }

  /** An output of another object of the pipeline, by its type and component. */
  public String output(ResourceType type, String component, Output output) {
    return output(dialect.kind(type), pipelineName + "-" + component, output);
  }

  /** Ready, and already holding the fields the model wants now (not a stale Ready). */
  public void current(ManagedKind kind, String objectName, Map<String, Object> fields) {
    var actual = observed.find(kind, objectName);
    if (actual.isEmpty() || !dialect.isReady(actual.get())) {
      missing.add(kind.kind() + " " + objectName + " " + dialect.readyWord());
    } else if (!dialect.holds(actual.get(), fields)) {
      missing.add(kind.kind() + " " + objectName + " to apply its change");
    }
  }

  /** Something not read from one object's status, named as the pending list will say it. */
  public void waitFor(String what) {
    missing.add(what);
  }

  public boolean met() {
    return missing.isEmpty();
  }

  public String describe() {
    return "waiting for " + String.join(", ", missing);
  }

  /** Whether the fields the model wants are within what is observed. */
  public static boolean within(Object observedFields, Map<String, Object> fields) {
    return Subset.contains(observedFields, fields);
  }
}
