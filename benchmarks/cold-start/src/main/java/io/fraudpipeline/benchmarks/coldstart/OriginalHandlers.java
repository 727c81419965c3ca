package io.fraudpipeline.benchmarks.coldstart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The original Node.js handlers, the paired baseline: read at run time from the directory {@code
 * -Doriginal.handlers} names, copied with their lock file to a scratch directory under {@code
 * target/} and installed there with {@code npm ci}; never copied into the repository.
 */
final class OriginalHandlers {

  static final String PROCESSOR = "transaction-processor.js";
  static final String SCORER = "fraud-scorer.js";
  private static final List<String> FILES =
      List.of(PROCESSOR, SCORER, "package.json", "package-lock.json");

  private final Path dir;
  private final Path runner;

  private OriginalHandlers(Path dir, Path runner) {
    this.dir = dir;
    this.runner = runner;
  }

  /**
   * The handlers ready to run, or empty (and says why) when no directory is named, or the handlers
   * or Node are not there.
   */
  static Optional<OriginalHandlers> prepare(String directory, Path work) {
    if (directory == null || directory.isBlank()) {
      System.out.println(
          "THE ORIGINAL NODE.JS HANDLERS ARE NOT GIVEN (-Doriginal.handlers=DIR names their"
              + " directory): measuring ours only, without the baseline");
      return Optional.empty();
    }
    Path source = Path.of(directory);
    for (String file : FILES) {
      if (!Files.isRegularFile(source.resolve(file))) {
        System.out.println(
            "THE ORIGINAL NODE.JS HANDLERS ARE ABSENT ("
                + source.resolve(file).toAbsolutePath().normalize()
                + " is missing): measuring ours only, without the baseline");
        return Optional.empty();
      }
    }
    try {
      Path dir = Files.createDirectories(work.resolve("node-handlers"));
      boolean lockChanged =
          !Files.exists(dir.resolve("package-lock.json"))
              || Files.mismatch(
                      source.resolve("package-lock.json"), dir.resolve("package-lock.json"))
                  != -1;
      for (String file : FILES) {
        Files.copy(source.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
      }
      if (lockChanged || !Files.isDirectory(dir.resolve("node_modules/aws-sdk"))) {
        run(dir, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
      }
      Path runner = dir.resolve("run-original.js");
      try (InputStream in = OriginalHandlers.class.getResourceAsStream("/run-original.js")) {
        Files.copy(in, runner, StandardCopyOption.REPLACE_EXISTING);
      }
      return Optional.of(new OriginalHandlers(dir, runner));
    } catch (IOException | RuntimeException e) {
      System.out.println(
          "THE ORIGINAL NODE.JS HANDLERS CANNOT RUN ("
              + e.getMessage()
              + "): measuring ours only, without the baseline");
      return Optional.empty();
    }
  }

  Path dir() {
    return dir;
  }

  List<String> command(String handlerFile, Path event) {
    return List.of("node", runner.toString(), handlerFile, event.toString());
  }

  static String nodeVersion() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      String v = new String(p.getInputStream().readAllBytes()).trim();
      p.waitFor(10, TimeUnit.SECONDS);
      return v;
    } catch (IOException e) {
      return "none";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  private static void run(Path dir, String... command) throws IOException {
    try {
      Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
      if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + " failed in " + dir);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
