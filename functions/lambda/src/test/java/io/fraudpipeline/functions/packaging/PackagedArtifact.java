package io.fraudpipeline.functions.packaging;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The built {@code fraud-functions.zip}, unpacked as Lambda unpacks it, and run in fresh JVMs with
 * a handler and an environment, the way the Lambda Java runtime would.
 */
public final class PackagedArtifact {

  /** Where the build leaves the artifact; the {@code functions.zip} system property overrides. */
  public static Path zip() {
    String configured = System.getProperty("functions.zip");
    Path zip =
        configured != null ? Paths.get(configured) : Paths.get("target", "fraud-functions.zip");
    if (!Files.isRegularFile(zip)) {
      throw new IllegalStateException(
          zip.toAbsolutePath() + " is missing: run `mvn package` first");
    }
    return zip;
  }

  private final Path root;

  private PackagedArtifact(Path root) {
    this.root = root;
  }

  public static PackagedArtifact unpack(Path zip, Path into) {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        Path target = into.resolve(entry.getName()).normalize();
        if (!target.startsWith(into)) {
          throw new IllegalStateException("entry outside the archive root: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(in, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new PackagedArtifact(into);
  }

  /** The Lambda classpath: the root for classes, then every jar of {@code lib/} if there is one. */
  public String classpath() {
    List<String> entries = new ArrayList<>();
    entries.add(root.toString());
    if (Files.isDirectory(root.resolve("lib"))) {
      try (Stream<Path> jars = Files.list(root.resolve("lib"))) {
        jars.sorted().forEach(jar -> entries.add(jar.toString()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    // the runner class only, which uses nothing but the JDK
    entries.add(runnerLocation());
    return String.join(File.pathSeparator, entries);
  }

  private static String runnerLocation() {
    try {
      return Paths.get(
              HandlerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * One fresh JVM: what it printed, the wall time from starting it to its first response, and the
   * figures it reported itself (-1 when absent).
   */
  public record Run(int exitCode, List<String> responses, long firstResponseMillis, String output) {

    public long reported(String key) {
      for (String line : output.split("\n")) {
        if (line.startsWith(key + " ")) {
          return Long.parseLong(line.split(" ")[1]);
        }
      }
      return -1;
    }
  }

  /**
   * Starts a JVM with Lambda's JIT and GC flags and only {@code env} as environment (plus PATH),
   * runs the handler over the event files and waits for it to end.
   */
  public Run run(String handler, Map<String, String> env, List<Path> events) {
    return run(handler, env, events, List.of());
  }

  /** As {@link #run(String, Map, List)}, with extra JVM options. */
  public Run run(String handler, Map<String, String> env, List<Path> events, List<String> jvmArgs) {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    // what the Lambda java17/java21 runtimes start the JVM with: C1 only and the serial collector
    command.addAll(
        List.of(
            "-XX:+TieredCompilation",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xshare:auto"));
    command.addAll(jvmArgs);
    command.addAll(List.of("-cp", classpath(), HandlerMain.class.getName(), handler));
    events.forEach(e -> command.add(e.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> !name.equals("PATH"));
    builder.environment().putAll(env);
    long start = System.nanoTime();
    try {
      Process process = builder.start();
      List<String> responses = new ArrayList<>();
      StringBuilder output = new StringBuilder();
      long first = -1;
      try (InputStream stdout = process.getInputStream();
          BufferedReader lines =
              new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
        for (String line; (line = lines.readLine()) != null; ) {
          output.append(line).append('\n');
          if (line.startsWith("HANDLED ")) {
            if (first < 0) {
              first = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            }
            responses.add(line.substring(line.indexOf(' ', "HANDLED ".length()) + 1));
          }
        }
      }
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("handler JVM did not end: " + output);
      }
      return new Run(process.exitValue(), responses, first, output.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
