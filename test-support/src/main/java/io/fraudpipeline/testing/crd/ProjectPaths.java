package io.fraudpipeline.testing.crd;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find the repository and the shared provider CRDs. */
public final class ProjectPaths {

  private ProjectPaths() {}

  /** The repository root: system property {@code project.root} (set by surefire), else found. */
  public static Path root() {
    String configured = System.getProperty("project.root");
    if (configured != null && Files.isDirectory(Path.of(configured, "examples"))) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("examples")) && Files.exists(p.resolve("pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException("cannot find the repository root (set -Dproject.root)");
  }

  public static Path examples() {
    return root().resolve("examples");
  }

  /** The Crossplane AWS provider CRDs vendored in the repository (schema facts only). */
  public static Path providerCrds() {
    return vendored("crossplane");
  }

  /** The ACK CRDs vendored in the repository (schema facts only). */
  public static Path ackCrds() {
    return vendored("ack");
  }

  private static Path vendored(String set) {
    Path dir = root().resolve("test-support/crds").resolve(set);
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(
          "vendored CRDs not found at " + dir + " (see test-support/crds/README.md)");
    }
    return dir;
  }
}
