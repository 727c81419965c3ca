package io.fraudpipeline.operator.stack;

import io.fraudpipeline.api.v1alpha1.Authorization;
import io.fraudpipeline.operator.model.FunctionAliases;
import io.fraudpipeline.operator.model.FunctionRole;
import io.fraudpipeline.operator.model.OutputNames;
import io.fraudpipeline.operator.model.StackComponents;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What applications need to use a pipeline, as the keys of its outputs ConfigMap: names known from
 * the spec at once, ARNs and URLs once the backend's controllers report them. Keys are stable and
 * valid environment variable names, for {@code envFrom}; a value not known yet is left out rather
 * than set empty.
 */
public final class ApplicationOutputs {

  public static final String REGION = "REGION";
  public static final String API_ENDPOINT = "API_ENDPOINT";
  public static final String API_KEY_SECRET = "API_KEY_SECRET";
  public static final String DASHBOARD_URL = "DASHBOARD_URL";
  public static final String TRANSACTIONS_TABLE = "TRANSACTIONS_TABLE";
  public static final String TRANSACTIONS_TABLE_ARN = "TRANSACTIONS_TABLE_ARN";
  public static final String TRANSACTIONS_STREAM_ARN = "TRANSACTIONS_STREAM_ARN";
  public static final String FRAUD_SCORES_TABLE = "FRAUD_SCORES_TABLE";
  public static final String FRAUD_SCORES_TABLE_ARN = "FRAUD_SCORES_TABLE_ARN";
  public static final String ALERT_TOPIC_ARN = "ALERT_TOPIC_ARN";
  public static final String ALARM_TOPIC_ARN = "ALARM_TOPIC_ARN";

  /** The functions applications may call or watch; the per-function keys are prefixed by these. */
  private static final List<FunctionRole> FUNCTIONS =
      List.of(FunctionRole.PROCESSOR, FunctionRole.SCORER);

  private ApplicationOutputs() {}

  static Map<String, String> of(
      StackBuild build, String apiEndpoint, String alertTopicArn, String dashboardUrl) {
    Map<String, String> out = new LinkedHashMap<>();
    put(out, REGION, build.spec.getRegion());
    put(out, API_ENDPOINT, apiEndpoint);
    put(out, DASHBOARD_URL, dashboardUrl);
    if (build.spec.getApi().getAuthorization() == Authorization.API_KEY) {
      put(out, API_KEY_SECRET, OutputNames.apiKeySecret(build.pipeline));
    }
    put(out, TRANSACTIONS_TABLE, build.names.transactionsTable());
    put(
        out,
        TRANSACTIONS_TABLE_ARN,
        reported(build, ResourceType.TABLE, StackComponents.TRANSACTIONS_TABLE, Output.ARN));
    put(
        out,
        TRANSACTIONS_STREAM_ARN,
        reported(build, ResourceType.TABLE, StackComponents.TRANSACTIONS_TABLE, Output.STREAM_ARN));
    put(out, FRAUD_SCORES_TABLE, build.names.fraudScoresTable());
    put(
        out,
        FRAUD_SCORES_TABLE_ARN,
        reported(build, ResourceType.TABLE, StackComponents.FRAUD_SCORES_TABLE, Output.ARN));
    put(out, ALERT_TOPIC_ARN, alertTopicArn);
    put(
        out,
        ALARM_TOPIC_ARN,
        reported(build, ResourceType.TOPIC, StackComponents.ALARM_TOPIC, Output.ARN));
    for (FunctionRole f : FUNCTIONS) {
      String key = f.shortName().toUpperCase(java.util.Locale.ROOT);
      put(out, key + "_FUNCTION_NAME", build.names.function(f));
      put(out, key + "_ARN", callerArn(build, f));
      String queue = StackComponents.deadLetterQueue(f);
      put(out, key + "_DLQ_URL", reported(build, ResourceType.QUEUE, queue, Output.URL));
      put(out, key + "_DLQ_ARN", reported(build, ResourceType.QUEUE, queue, Output.ARN));
    }
    return out;
  }

  /** What callers invoke: the {@code live} alias with SnapStart, else the function itself. */
  private static String callerArn(StackBuild build, FunctionRole f) {
    return FunctionAliases.enabled(build.spec.getFunctions())
        ? reported(build, ResourceType.ALIAS, StackComponents.alias(f), Output.ARN)
        : reported(build, ResourceType.FUNCTION, StackComponents.function(f), Output.ARN);
  }

  private static String reported(
      StackBuild build, ResourceType type, String component, Output output) {
    return build.reported(type, component, output);
  }

  private static void put(Map<String, String> out, String key, String value) {
    if (value != null && !value.isEmpty()) {
      out.put(key, value);
    }
  }
}
