package io.fraudpipeline.helm;

import com.fasterxml.jackson.databind.JsonNode;
import io.fraudpipeline.helm.Examples.Document;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Checks of Crossplane package objects (pkg.crossplane.io). Their CRDs ship with Crossplane, not in
 * the shared provider CRDs, so the fields used here are checked against a short list.
 */
final class CrossplanePackages {

  private static final Set<String> PROVIDER_SPEC = Set.of("package", "runtimeConfigRef");
  private static final Set<String> RUNTIME_CONFIG_SPEC =
      Set.of("serviceAccountTemplate", "deploymentTemplate");

  private CrossplanePackages() {}

  static List<String> problems(Document document) {
    List<String> problems = new ArrayList<>();
    JsonNode spec = document.object().path("spec");
    switch (document.apiVersion() + " " + document.kind()) {
      case "pkg.crossplane.io/v1 Provider" -> {
        onlyKnownFields(spec, PROVIDER_SPEC, problems);
        if (!spec.path("package")
            .asText()
            .matches("[a-z0-9.-]+(/[a-z0-9._-]+)+:v[0-9][0-9A-Za-z.+-]*")) {
          problems.add("spec.package is not a tagged package reference: " + spec.path("package"));
        }
        String runtimeConfig = spec.at("/runtimeConfigRef/name").asText();
        boolean defined =
            Examples.in(document.file()).stream()
                .anyMatch(
                    d ->
                        d.kind().equals("DeploymentRuntimeConfig")
                            && d.name().equals(runtimeConfig));
        if (!runtimeConfig.isEmpty() && !defined) {
          problems.add("spec.runtimeConfigRef names " + runtimeConfig + ", not defined beside it");
        }
      }
      case "pkg.crossplane.io/v1beta1 DeploymentRuntimeConfig" -> {
        onlyKnownFields(spec, RUNTIME_CONFIG_SPEC, problems);
        onlyKnownFields(spec.path("serviceAccountTemplate"), Set.of("metadata"), problems);
        onlyKnownFields(
            spec.at("/serviceAccountTemplate/metadata"),
            Set.of("name", "labels", "annotations"),
            problems);
      }
      default -> problems.add("no check for " + document.apiVersion() + " " + document.kind());
    }
    return problems;
  }

  static void onlyKnownFields(JsonNode node, Set<String> known, List<String> problems) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        problems.add("unknown field " + name);
      }
    }
  }
}
