package io.fraudpipeline.testing.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the control-plane binaries are: the directory {@code test-support/control-plane/build.sh}
 * prints as its last line. The Maven build runs the script first, so here it only checks the cache;
 * run from an IDE, it builds.
 */
final class ControlPlaneBinaries {

  private ControlPlaneBinaries() {}

  static Path locate() throws IOException, InterruptedException {
    Path script = repositoryRoot().resolve("test-support/control-plane/build.sh");
    Process p =
        new ProcessBuilder("bash", script.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(script + " failed (exit " + p.exitValue() + ")");
    }
    List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
    if (lines.isEmpty()) {
      throw new IllegalStateException(script + " printed no directory");
    }
    Path dir = Path.of(lines.get(lines.size() - 1).trim());
    for (String binary : List.of("etcd", "kube-apiserver", "kube-controller-manager", "kubectl")) {
      if (!Files.isExecutable(dir.resolve(binary))) {
        throw new IllegalStateException("no " + binary + " in " + dir);
      }
    }
    return dir;
  }

  /** The repository root: system property {@code project.root} (set by surefire), else found. */
  static Path repositoryRoot() {
    String configured = System.getProperty("project.root");
    if (configured != null && Files.exists(Path.of(configured, "test-support/control-plane"))) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("test-support/control-plane/build.sh"))) {
        return p;
      }
    }
    throw new IllegalStateException("cannot find the repository root (set -Dproject.root)");
  }
}
