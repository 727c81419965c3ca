package io.fraudpipeline.helm;

import com.fasterxml.jackson.databind.JsonNode;
import io.fraudpipeline.helm.Examples.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Field checks of Argo CD Applications (their CRD is not available here). */
final class ArgoCdApplications {

  private static final Set<String> SPEC = Set.of("project", "source", "destination", "syncPolicy");
  private static final Set<String> SOURCE =
      Set.of("repoURL", "targetRevision", "path", "helm", "directory");
  private static final Set<String> HELM = Set.of("releaseName", "valuesObject");
  private static final Set<String> DESTINATION = Set.of("server", "namespace");
  private static final Set<String> SYNC_POLICY = Set.of("automated", "syncOptions", "retry");

  private ArgoCdApplications() {}

  static List<String> problems(Document document) {
    List<String> problems = new ArrayList<>();
    if (!document.apiVersion().equals("argoproj.io/v1alpha1")
        || !document.kind().equals("Application")) {
      problems.add("no check for " + document.apiVersion() + " " + document.kind());
      return problems;
    }
    JsonNode spec = document.object().path("spec");
    CrossplanePackages.onlyKnownFields(spec, SPEC, problems);
    CrossplanePackages.onlyKnownFields(spec.path("source"), SOURCE, problems);
    CrossplanePackages.onlyKnownFields(spec.at("/source/helm"), HELM, problems);
    CrossplanePackages.onlyKnownFields(spec.path("destination"), DESTINATION, problems);
    CrossplanePackages.onlyKnownFields(spec.path("syncPolicy"), SYNC_POLICY, problems);
    for (String required :
        List.of("/project", "/source/repoURL", "/source/path", "/destination/server")) {
      if (spec.at(required).asText().isEmpty()) {
        problems.add("spec" + required.replace('/', '.') + " is required");
      }
    }
    return problems;
  }

  /** The sync wave of an object (0 when it has none, as in Argo CD). */
  static int syncWave(JsonNode object) {
    String wave = object.at("/metadata/annotations/argocd.argoproj.io~1sync-wave").asText("0");
    return Integer.parseInt(wave.isEmpty() ? "0" : wave);
  }
}
