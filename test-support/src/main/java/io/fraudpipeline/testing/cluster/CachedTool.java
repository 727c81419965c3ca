package io.fraudpipeline.testing.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A Go tool the tests build once into the cache by its own {@code build.sh} (which prints the
 * binary's path as its last line, and returns at once when the pin has not changed).
 */
final class CachedTool {

  private CachedTool() {}

  /** Runs the script, a path under the repository root, and returns the binary it printed. */
  static Path build(String script) throws IOException, InterruptedException {
    Path file = ControlPlaneBinaries.repositoryRoot().resolve(script);
    Process p =
        new ProcessBuilder("bash", file.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    List<String> lines =
        new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    if (p.waitFor() != 0 || lines.isEmpty()) {
      throw new IllegalStateException(file + " failed (exit " + p.exitValue() + ")");
    }
    Path built = Path.of(lines.get(lines.size() - 1).trim());
    if (!Files.isExecutable(built)) {
      throw new IllegalStateException(file + " printed " + built + ", not an executable");
    }
    return built;
  }
}
