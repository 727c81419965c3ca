package io.fraudpipeline.operator.cli;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A runnable jar for the tests of the kubectl plugin's launcher: the operator's main class, and
 * this test run's classes and dependencies named in its manifest, so {@code java -jar} runs the
 * code under test as the shaded jar would (the build packages that jar after the tests).
 */
public final class LauncherJar {

  private LauncherJar() {}

  public static Path in(Path dir) throws IOException {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.put(Attributes.Name.MAIN_CLASS, "io.fraudpipeline.operator.Main");
    main.put(
        Attributes.Name.CLASS_PATH,
        Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(entry -> Path.of(entry).toAbsolutePath().toUri().toString())
            .collect(Collectors.joining(" ")));
    Path jar = dir.resolve("fraud-pipeline-operator-test.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      // the manifest is all it holds
    }
    return jar;
  }

  /** The launcher script of the repository. */
  public static Path script() {
    return io.fraudpipeline.testing.crd.ProjectPaths.root().resolve("bin/kubectl-fraudpipeline");
  }
}
