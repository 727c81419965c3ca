package io.fraudpipeline.benchmarks.scale;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout the benchmark runs in: the README's command runs it from the root. */
final class Repository {

  private Repository() {}

  static Path root() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("examples/fraudpipeline.yaml"))
          && Files.isDirectory(p.resolve("test-support/crds"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "run the benchmark inside the repository (no examples/fraudpipeline.yaml above "
            + Path.of("").toAbsolutePath()
            + ")");
  }
}
