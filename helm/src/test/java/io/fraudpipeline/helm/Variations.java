package io.fraudpipeline.helm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The value sets the chart is rendered with in tests: defaults and the ways users change them. */
final class Variations {

  private Variations() {}

  static Map<String, Map<String, ?>> all() {
    Map<String, Map<String, ?>> variations = new LinkedHashMap<>();
    variations.put("defaults", Map.of());
    variations.put("namespaced", Map.of("watchNamespaces", List.of("fraud-dev", "fraud-prod")));
    variations.put("two replicas", Map.of("replicaCount", 2));
    variations.put(
        "metrics and ServiceMonitor",
        Map.of(
            "metrics",
            Map.of(
                "service", Map.of("enabled", true),
                "serviceMonitor",
                    Map.of("enabled", true, "labels", Map.of("release", "prometheus")))));
    variations.put(
        "custom image",
        Map.of(
            "image",
            Map.of("repository", "registry.example.com/platform/fraud-operator", "tag", "1.2.3"),
            "imagePullSecrets",
            List.of(Map.of("name", "regcred"))));
    variations.put(
        "IRSA service account",
        Map.of(
            "serviceAccount",
            Map.of(
                "annotations",
                Map.of(
                    "eks.amazonaws.com/role-arn",
                    "arn:aws:iam::123456789012:role/fraud-operator"))));
    return variations;
  }
}
