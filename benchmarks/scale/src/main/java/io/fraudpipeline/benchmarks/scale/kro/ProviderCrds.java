package io.fraudpipeline.benchmarks.scale.kro;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fraudpipeline.testing.cluster.ControlPlane;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The vendored Crossplane provider CRDs, installed where the caller has not done so. */
final class ProviderCrds {

  private ProviderCrds() {}

  /** Applies only the CRDs the server lacks, so a benchmark that installed them sees no write. */
  static void installMissing(ControlPlane cluster) throws IOException {
    List<CustomResourceDefinition> missing = new ArrayList<>();
    for (CustomResourceDefinition crd : read()) {
      String name = crd.getMetadata().getName();
      if (cluster.client().apiextensions().v1().customResourceDefinitions().withName(name).get()
          == null) {
        missing.add(crd);
      }
    }
    if (!missing.isEmpty()) {
      cluster.applyCrdObjects(missing);
    }
  }

  static List<CustomResourceDefinition> read() throws IOException {
    List<CustomResourceDefinition> crds = new ArrayList<>();
    for (Path file : ControlPlane.yamlFiles(KroFiles.providerCrds())) {
      try (InputStream in = Files.newInputStream(file)) {
        crds.add(Serialization.unmarshal(in, CustomResourceDefinition.class));
      }
    }
    return crds;
  }
}
