package io.fraudpipeline.operator.backend;

import java.util.Map;

/** How a condition of a managed object reads in the pipeline's status: "reason: message". */
public final class ConditionText {

  private ConditionText() {}

  public static String describe(Map<String, Object> condition) {
    Object message = condition.get("message");
    Object reason = condition.get("reason");
    if (message != null && !message.toString().isBlank()) {
      return reason == null || reason.toString().isBlank()
          ? message.toString()
          : reason + ": " + message;
    }
    return reason == null || reason.toString().isBlank() ? "no reason given" : reason.toString();
  }
}
