package io.fraudpipeline.api.testing;

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

  /**
   * The Crossplane AWS provider CRDs: system property or environment variable {@code
   * provider.crds.dir} / {@code PROVIDER_CRDS_DIR}, else {@code ../shared/crossplane/
   * provider-aws-crds} beside the repository.
   */
  public static Path providerCrds() {
    String configured = System.getProperty("provider.crds.dir", System.getenv("PROVIDER_CRDS_DIR"));
    Path dir =
        configured != null
            ? Path.of(configured)
            : root().resolve("../shared/crossplane/provider-aws-crds");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(
          "Crossplane provider CRDs not found at "
              + dir.toAbsolutePath().normalize()
              + ": check out the shared folder beside the repository or set -Dprovider.crds.dir");
    }
    return dir.toAbsolutePath().normalize();
  }
}
