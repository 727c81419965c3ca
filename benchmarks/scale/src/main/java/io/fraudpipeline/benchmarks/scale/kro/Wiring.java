package io.fraudpipeline.benchmarks.scale.kro;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fraudpipeline.operator.crossplane.CrossplaneKinds;
import io.fraudpipeline.operator.stack.ManagedKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads one ready instance's MRs back from the server and checks the status-to-spec wiring kro's
 * CEL did: each value a spec carries is the one the provider reported on the other MR.
 */
final class Wiring {

  private final KubernetesClient client;
  private final String namespace;
  private final String pipeline;
  private final List<String> failures = new ArrayList<>();

  private Wiring(KubernetesClient client, String namespace, String pipeline) {
    this.client = client;
    this.namespace = namespace;
    this.pipeline = pipeline;
  }

  /** What does not hold, one line each; empty when every wire carries the reported value. */
  static List<String> check(
      KubernetesClient client,
      String namespace,
      String pipeline,
      GenericKubernetesResource instance) {
    Wiring w = new Wiring(client, namespace, pipeline);
    GenericKubernetesResource table = w.get(CrossplaneKinds.TABLE, "transactions");
    GenericKubernetesResource scores = w.get(CrossplaneKinds.TABLE, "fraud-scores");
    GenericKubernetesResource alias = w.get(CrossplaneKinds.ALIAS, "processor-live");
    GenericKubernetesResource scorerAlias = w.get(CrossplaneKinds.ALIAS, "scorer-live");
    GenericKubernetesResource mapping =
        w.get(CrossplaneKinds.EVENT_SOURCE_MAPPING, "processor-stream");
    w.same(
        "mapping eventSourceArn", at(table, "streamArn"), forProvider(mapping, "eventSourceArn"));
    w.same("mapping functionName", at(alias, "arn"), forProvider(mapping, "functionName"));
    w.same(
        "processor alias functionVersion",
        at(w.get(CrossplaneKinds.FUNCTION, "processor"), "version"),
        forProvider(alias, "functionVersion"));
    String policy =
        (String) forProvider(w.get(CrossplaneKinds.ROLE_POLICY, "processor-policy"), "policy");
    for (Object arn :
        List.of(
            at(table, "arn"),
            at(table, "streamArn"),
            at(scores, "arn"),
            at(scorerAlias, "arn"),
            at(w.get(CrossplaneKinds.QUEUE, "processor-dlq"), "arn"))) {
      w.check(
          policy != null && arn != null && policy.contains((String) arn),
          "processor policy names " + arn);
    }
    Object alarmTopic = at(w.get(CrossplaneKinds.TOPIC, "alarms"), "arn");
    w.same(
        "alarm actions",
        List.of(alarmTopic),
        forProvider(
            w.get(CrossplaneKinds.METRIC_ALARM, "alarm-fraud-scorer-errors"), "alarmActions"));
    Object invokeUrl = at(w.get(CrossplaneKinds.STAGE, "api-stage"), "invokeUrl");
    w.same(
        "instance apiEndpoint", invokeUrl + "/transactions", InstanceStatus.apiEndpoint(instance));
    return w.failures;
  }

  private GenericKubernetesResource get(ManagedKind kind, String component) {
    String name = pipeline + "-" + component;
    GenericKubernetesResource r =
        client
            .genericKubernetesResources(kind.apiVersion(), kind.kind())
            .inNamespace(namespace)
            .withName(name)
            .get();
    if (r == null) {
      failures.add("no " + kind.kind() + " " + name);
      return new GenericKubernetesResource();
    }
    return r;
  }

  private void same(String what, Object expected, Object actual) {
    check(
        expected != null && Objects.equals(expected, actual),
        what + ": " + actual + ", expected " + expected);
  }

  private void check(boolean holds, String what) {
    if (!holds) {
      failures.add(what);
    }
  }

  private static Object at(GenericKubernetesResource r, String field) {
    return field(r, "status", "atProvider", field);
  }

  private static Object forProvider(GenericKubernetesResource r, String field) {
    return field(r, "spec", "forProvider", field);
  }

  private static Object field(
      GenericKubernetesResource r, String first, String second, String field) {
    Object current = r.getAdditionalProperties().get(first);
    for (String key : List.of(second, field)) {
      current = current instanceof Map<?, ?> m ? m.get(key) : null;
    }
    return current;
  }
}
