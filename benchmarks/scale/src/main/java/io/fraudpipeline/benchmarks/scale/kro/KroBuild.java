package io.fraudpipeline.benchmarks.scale.kro;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * kro's controller and CRDs as {@code benchmarks/scale/kro/build.sh} leaves them in the cache: it
 * builds once per pin and prints the directory as its last line.
 *
 * @param dir the cache directory of this pin
 * @param buildSeconds how long the build that filled the directory took
 * @param secondsThisRun how long this call took (a few seconds when the cache was filled already)
 */
record KroBuild(Path dir, long buildSeconds, long secondsThisRun) {

  static KroBuild ensure() throws IOException, InterruptedException {
    long started = System.nanoTime();
    Path script = KroFiles.buildScript();
    Process p =
        new ProcessBuilder("bash", script.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    p.getOutputStream().close();
    // the script's last line names the directory; its progress goes to stderr
    Optional<String> last;
    try (BufferedReader out = p.inputReader(StandardCharsets.UTF_8)) {
      last = out.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> b);
    }
    int exit = p.waitFor();
    if (exit != 0 || last.isEmpty()) {
      throw new IllegalStateException(script + " failed (exit " + exit + ", printed no directory)");
    }
    Path dir = Path.of(last.get());
    KroBuild build =
        new KroBuild(
            dir,
            Long.parseLong(Files.readString(dir.resolve("build-seconds")).trim()),
            (System.nanoTime() - started) / 1_000_000_000L);
    if (!Files.isExecutable(build.controller())) {
      throw new IllegalStateException("no kro controller at " + build.controller());
    }
    return build;
  }

  Path controller() {
    return dir.resolve("controller");
  }

  /** kro's own CRDs (ResourceGraphDefinition, GraphRevision), copied from its module. */
  Path crds() {
    return dir.resolve("crds");
  }
}
