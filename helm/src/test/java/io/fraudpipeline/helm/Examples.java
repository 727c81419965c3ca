package io.fraudpipeline.helm;

import com.fasterxml.jackson.databind.JsonNode;
import io.fraudpipeline.testing.crd.CrdValidator;
import io.fraudpipeline.testing.crd.ProjectPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Every YAML document under examples/, with the file it comes from. */
final class Examples {

  record Document(String file, JsonNode object) {
    String kind() {
      return object.path("kind").asText();
    }

    String apiVersion() {
      return object.path("apiVersion").asText();
    }

    String group() {
      String apiVersion = apiVersion();
      return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }

    String name() {
      return object.path("metadata").path("name").asText();
    }

    @Override
    public String toString() {
      return file + ": " + kind() + "/" + name();
    }
  }

  private Examples() {}

  static Path dir() {
    return ProjectPaths.examples();
  }

  static List<Document> all() {
    try (Stream<Path> files = Files.walk(dir())) {
      List<Document> documents = new ArrayList<>();
      for (Path file : files.filter(Examples::isYaml).sorted().toList()) {
        String name = dir().relativize(file).toString();
        CrdValidator.readYaml(Files.readString(file))
            .forEach(doc -> documents.add(new Document(name, doc)));
      }
      return documents;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Document> in(String file) {
    return all().stream().filter(d -> d.file().equals(file)).toList();
  }

  static List<Document> ofKind(String kind) {
    return all().stream().filter(d -> d.kind().equals(kind)).toList();
  }

  private static boolean isYaml(Path path) {
    String name = path.getFileName().toString();
    return Files.isRegularFile(path) && (name.endsWith(".yaml") || name.endsWith(".yml"));
  }
}
