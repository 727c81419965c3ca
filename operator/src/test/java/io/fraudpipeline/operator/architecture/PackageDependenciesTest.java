package io.fraudpipeline.operator.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.testing.crd.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seam holds in the source: the backends' packages are named only by the wiring, the neutral
 * packages name no backend, and no two packages of the operator depend on each other.
 */
class PackageDependenciesTest {

  private static final String BASE = "io.fraudpipeline.operator.";
  private static final Pattern IMPORT =
      Pattern.compile(
          "^import (?:static )?" + Pattern.quote(BASE) + "(\\w+)\\.", Pattern.MULTILINE);
  private static final Path MAIN =
      ProjectPaths.root().resolve("operator/src/main/java/io/fraudpipeline/operator");

  /** Which operator packages each file imports, by the file's package. */
  private static final Map<String, Set<String>> PACKAGE_IMPORTS = new TreeMap<>();

  private static final Map<Path, Set<String>> FILE_IMPORTS = new TreeMap<>();

  @BeforeAll
  static void readSources() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Path relative = MAIN.relativize(file);
        String pkg = relative.getNameCount() == 1 ? "(root)" : relative.getName(0).toString();
        Set<String> imported = new TreeSet<>();
        Matcher m = IMPORT.matcher(Files.readString(file));
        while (m.find()) {
          if (!m.group(1).equals(pkg)) {
            imported.add(m.group(1));
          }
        }
        FILE_IMPORTS.put(relative, imported);
        PACKAGE_IMPORTS.computeIfAbsent(pkg, k -> new TreeSet<>()).addAll(imported);
      }
    }
  }

  @Test
  void onlyTheWiringNamesABackend() {
    List<String> naming = new ArrayList<>();
    FILE_IMPORTS.forEach(
        (file, imported) -> {
          String pkg = file.getName(0).toString();
          for (String backend : List.of("crossplane", "ack")) {
            if (imported.contains(backend) && !pkg.equals(backend)) {
              naming.add(file + " imports " + backend);
            }
          }
        });
    assertThat(naming)
        .containsExactlyInAnyOrder(
            "runtime/InstalledBackends.java imports crossplane",
            "runtime/InstalledBackends.java imports ack");
  }

  @Test
  void theNeutralPackagesNameNothingAboveThem() {
    assertThat(PACKAGE_IMPORTS.getOrDefault("model", Set.of())).isEmpty();
    assertThat(PACKAGE_IMPORTS.get("stack")).containsOnly("model");
    assertThat(PACKAGE_IMPORTS.get("backend")).containsOnly("stack");
  }

  @Test
  void noTwoPackagesDependOnEachOther() {
    List<String> cycles = new ArrayList<>();
    for (String pkg : PACKAGE_IMPORTS.keySet()) {
      for (String dependency : PACKAGE_IMPORTS.get(pkg)) {
        if (reaches(dependency, pkg, new HashSet<>())) {
          cycles.add(pkg + " <-> " + dependency);
        }
      }
    }
    assertThat(cycles).isEmpty();
  }

  private static boolean reaches(String from, String to, Set<String> seen) {
    for (String next : PACKAGE_IMPORTS.getOrDefault(from, Set.of())) {
      if (next.equals(to) || (seen.add(next) && reaches(next, to, seen))) {
        return true;
      }
    }
    return false;
  }
}
