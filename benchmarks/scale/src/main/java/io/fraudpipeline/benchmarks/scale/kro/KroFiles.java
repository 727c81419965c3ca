package io.fraudpipeline.benchmarks.scale.kro;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the peer's files are in the checkout: {@code benchmarks/scale/kro/}. */
final class KroFiles {

  private static final String MARKER = "test-support/control-plane/build.sh";

  private KroFiles() {}

  /** The repository root: system property {@code project.root} (set by surefire), else found. */
  static Path repositoryRoot() {
    String configured = System.getProperty("project.root");
    if (configured != null && Files.exists(Path.of(configured, MARKER))) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(MARKER))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "cannot find the repository root (no "
            + MARKER
            + " above the working directory; set"
            + " -Dproject.root)");
  }

  static Path dir() {
    return repositoryRoot().resolve("benchmarks/scale/kro");
  }

  static Path buildScript() {
    return dir().resolve("build.sh");
  }

  static Path rgd() {
    return dir().resolve("fraud-pipeline-rgd.yaml");
  }

  /** The example the RGD mirrors. */
  static Path example() {
    return repositoryRoot().resolve("examples/fraudpipeline.yaml");
  }

  /** The vendored Crossplane provider CRDs the RGD's templates are checked against. */
  static Path providerCrds() {
    return repositoryRoot().resolve("test-support/crds/crossplane");
  }
}
