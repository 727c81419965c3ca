package io.fraudpipeline.functions.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Functions of a FraudPipeline as the operator renders them, read from the output of {@code
 * java -jar <operator jar> render}: the operator's user-facing command, so this module needs none
 * of the operator's classes and follows whatever its model renders.
 */
public final class RenderedFunctions {

  private RenderedFunctions() {}

  /**
   * Renders {@code example} with the operator jar on the JDK running this code and returns its
   * Functions by the last word of their MR name ({@code processor}, {@code scorer}).
   */
  public static Map<String, RenderedFunction> render(Path operatorJar, Path example) {
    if (!Files.isRegularFile(operatorJar)) {
      throw new IllegalStateException(operatorJar + " is missing: package the operator first");
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    try {
      Process render =
          new ProcessBuilder(
                  java.toString(),
                  "-jar",
                  operatorJar.toString(),
                  "render",
                  "--assume-ready",
                  "-f",
                  example.toString())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String yaml = new String(render.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!render.waitFor(60, TimeUnit.SECONDS) || render.exitValue() != 0) {
        throw new IllegalStateException("render of " + example + " failed:\n" + yaml);
      }
      return functions(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The Crossplane Functions of a multi-document render. */
  static Map<String, RenderedFunction> functions(String yaml) throws IOException {
    Map<String, RenderedFunction> functions = new LinkedHashMap<>();
    ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
    try (MappingIterator<JsonNode> documents = mapper.readerFor(JsonNode.class).readValues(yaml)) {
      for (JsonNode document : documents.readAll()) {
        if (document == null || !"Function".equals(document.path("kind").asText())) {
          continue;
        }
        String name = document.path("metadata").path("name").asText();
        JsonNode spec = document.path("spec").path("forProvider");
        String packageType = spec.path("packageType").asText("Zip");
        String handler =
            "Image".equals(packageType)
                ? spec.path("imageConfig").path("command").path(0).asText()
                : spec.path("handler").asText();
        Map<String, String> environment = new LinkedHashMap<>();
        spec.path("environment")
            .path("variables")
            .fields()
            .forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
        functions.put(
            name.substring(name.lastIndexOf('-') + 1),
            new RenderedFunction(
                document
                    .path("metadata")
                    .path("annotations")
                    .path("crossplane.io/external-name")
                    .asText(name),
                packageType,
                handler,
                spec.path("region").asText(),
                spec.path("memorySize").asInt(128),
                spec.path("timeout").asInt(3),
                Map.copyOf(environment)));
      }
    }
    if (functions.isEmpty()) {
      throw new IllegalStateException("the render holds no Function:\n" + yaml);
    }
    return functions;
  }
}
