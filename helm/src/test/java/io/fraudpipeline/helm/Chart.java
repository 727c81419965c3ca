package io.fraudpipeline.helm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The chart under test, rendered and linted by the real Helm engine (the Helm Go library). */
final class Chart {

  static final String RELEASE = "fpo";
  static final String NAMESPACE = "fraud-system";

  /**
   * The oldest Kubernetes the chart supports (Chart.yaml kubeVersion); Helm's own default is older.
   */
  static final String KUBE_VERSION = "1.27.0";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Chart() {}

  static Path dir() {
    return Path.of(System.getProperty("chart.dir", "fraud-pipeline-operator")).toAbsolutePath();
  }

  static LintResult lint() {
    return new Helm(dir()).lint().strict().call();
  }

  /** {@code helm template fpo <chart> -n fraud-system -f <values>}. */
  static Manifests template(Map<String, ?> values) {
    Path valuesFile = writeValues(values);
    try {
      String out =
          new Helm(dir())
              .template()
              .withName(RELEASE)
              .withNamespace(NAMESPACE)
              .withKubeVersion(KUBE_VERSION)
              .withValuesFile(valuesFile)
              .call();
      return Manifests.parse(out);
    } finally {
      deleteQuietly(valuesFile);
    }
  }

  /**
   * {@code helm install --dry-run=client}: what Helm prints after an install, NOTES.txt included.
   */
  static String installDryRun(Map<String, ?> values) {
    Path valuesFile = writeValues(values);
    try {
      return new Helm(dir())
          .install()
          .withName(RELEASE)
          .withNamespace(NAMESPACE)
          .withKubeVersion(KUBE_VERSION)
          .withValuesFile(valuesFile)
          .clientOnly()
          .withDryRunOption(DryRun.CLIENT)
          .call()
          .getOutput();
    } finally {
      deleteQuietly(valuesFile);
    }
  }

  static Manifests template() {
    return template(Map.of());
  }

  private static Path writeValues(Map<String, ?> values) {
    try {
      Path file = Files.createTempFile("values-", ".yaml");
      YAML.writeValue(file.toFile(), values);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a leftover temp file is harmless
    }
  }
}
