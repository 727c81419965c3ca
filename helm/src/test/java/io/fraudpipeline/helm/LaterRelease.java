package io.fraudpipeline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.testing.crd.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a later release would ship, made in a test's folder: this build's CRD, or a copy of the
 * chart with it, whose spec gained optional string fields (an additive schema change).
 */
final class LaterRelease {

  static final String CRD_FILE = "crds/fraudpipelines.fraudpipeline.io-v1.yml";

  private LaterRelease() {}

  /** This build's CRD with these optional fields added to the spec. */
  static Path crd(Path folder, String... fields) throws IOException {
    String yaml = Files.readString(ProjectPaths.root().resolve(CRD_FILE));
    // the spec's properties are the first "properties:" under "spec:" at this indentation
    String specProperties = "          spec:\n            properties:\n";
    assertThat(yaml).as("the CRD's layout this copy edits").contains(specProperties);
    StringBuilder added = new StringBuilder(specProperties);
    for (String field : fields) {
      added.append("              ").append(field).append(":\n                type: \"string\"\n");
    }
    Path file = folder.resolve("crd-" + String.join("-", fields) + ".yml");
    Files.writeString(
        file,
        yaml.replaceFirst(
            Pattern.quote(specProperties), Matcher.quoteReplacement(added.toString())));
    return file;
  }

  /** A copy of the chart whose CRD has these optional fields added to the spec. */
  static Path chart(Path folder, String... fields) throws IOException {
    Path copy = folder.resolve("chart-" + String.join("-", fields));
    try (Stream<Path> files = Files.walk(Chart.dir())) {
      for (Path file : files.toList()) {
        Path target = copy.resolve(Chart.dir().relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    Files.copy(
        crd(folder, fields),
        copy.resolve("files/crds/fraudpipelines.fraudpipeline.io-v1.yml"),
        StandardCopyOption.REPLACE_EXISTING);
    return copy;
  }
}
