package io.fraudpipeline.helm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Lists the classes of a shipped archive (a jar, or a zip of jars such as the Lambda package) that
 * belong to benchmarks or tests and so must not ship.
 */
final class ShippedArtifacts {

  private static final Set<String> BENCHMARK_CLASSES =
      Set.of(
          "LoadBenchmark",
          "KeepAlivePoster",
          "ColdStartBenchmark",
          "ScaleBenchmark",
          "ClusterProcess",
          "IndexedCrudDispatcher");

  /** A package segment naming benchmarks: {@code bench}, {@code benchmarks}, {@code microbench}… */
  private static final Pattern BENCHMARK_PACKAGE = Pattern.compile("(^|.*/)[^/]*bench[^/]*/.*");

  private static final List<String> TEST_LIBRARIES =
      List.of("org/junit/", "org/assertj/", "org/opentest4j/");

  private ShippedArtifacts() {}

  /** The offending class entries, each as {@code archive!entry} (nested jars add their name). */
  static List<String> forbiddenClasses(Path archive) throws IOException {
    List<String> found = new ArrayList<>();
    try (InputStream in = Files.newInputStream(archive)) {
      scan(archive.getFileName().toString(), in, found);
    }
    return found;
  }

  private static void scan(String where, InputStream in, List<String> found) throws IOException {
    ZipInputStream zip = new ZipInputStream(in);
    for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
      String name = entry.getName();
      if (name.endsWith(".jar")) {
        // read through the outer stream; the nested one must not close it
        scan(where + "!" + name, nonClosing(zip), found);
      } else if (name.endsWith(".class") && forbidden(name)) {
        found.add(where + "!" + name);
      }
    }
  }

  /** Whether a class entry ({@code a/b/C$D.class}) is benchmark or test code. */
  static boolean forbidden(String entry) {
    String path = entry.startsWith("META-INF/versions/") ? stripVersion(entry) : entry;
    if (TEST_LIBRARIES.stream().anyMatch(path::startsWith)) {
      return true;
    }
    if (BENCHMARK_PACKAGE.matcher(path).matches()) {
      return true;
    }
    String simple = path.substring(path.lastIndexOf('/') + 1, path.length() - ".class".length());
    int nested = simple.indexOf('$');
    String outer = nested < 0 ? simple : simple.substring(0, nested);
    // *Test only in the project's packages: libraries ship classes so named for their own use
    return BENCHMARK_CLASSES.contains(outer)
        || (path.startsWith("io/fraudpipeline/") && outer.endsWith("Test"));
  }

  private static String stripVersion(String entry) {
    String rest = entry.substring("META-INF/versions/".length());
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(slash + 1);
  }

  private static InputStream nonClosing(InputStream in) {
    return new java.io.FilterInputStream(in) {
      @Override
      public void close() {}
    };
  }
}
