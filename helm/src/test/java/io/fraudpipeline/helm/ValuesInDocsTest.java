package io.fraudpipeline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every setting of the chart has a row in a reference table of docs/: each key of values.yaml, as a
 * dotted path, down to where the schema stops describing the chart's own structure (below that a
 * value is a Kubernetes object passed through as it is, e.g. a probe or a security context).
 */
class ValuesInDocsTest {

  /**
   * The backticked names in the first cell of a Markdown table row, e.g. {@code | `image.tag` |}.
   */
  private static final Pattern FIRST_CELL_NAME = Pattern.compile("`([^`\\s]+)[^`]*`");

  @Test
  void everyValuesKeyHasARowInTheDocs() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode values = yaml.readTree(Chart.dir().resolve("values.yaml").toFile());
    JsonNode schema =
        new ObjectMapper().readTree(Chart.dir().resolve("values.schema.json").toFile());
    List<String> settings = new ArrayList<>();
    collect("", values, schema, settings);

    Set<String> documented = documentedNames(Chart.dir().resolve("../../docs").normalize());

    assertThat(settings).hasSizeGreaterThan(40);
    assertThat(settings).filteredOn(key -> !documented.contains(key)).isEmpty();
  }

  /** The dotted paths of the settings: a key whose schema lists properties is a group, not one. */
  private static void collect(String prefix, JsonNode values, JsonNode schema, List<String> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String path = prefix + field.getKey();
      JsonNode fieldSchema = schema.path("properties").path(field.getKey());
      if (fieldSchema.has("properties") && field.getValue().isObject()) {
        collect(path + ".", field.getValue(), fieldSchema, out);
      } else {
        out.add(path);
      }
    }
  }

  private static Set<String> documentedNames(Path docs) throws IOException {
    try (Stream<Path> files = Files.walk(docs)) {
      return files
          .filter(f -> f.toString().endsWith(".md"))
          .flatMap(ValuesInDocsTest::lines)
          .filter(line -> line.startsWith("|"))
          .map(line -> line.split("\\|", 3)[1])
          .flatMap(cell -> FIRST_CELL_NAME.matcher(cell).results().map(m -> m.group(1)))
          .collect(Collectors.toSet());
    }
  }

  private static Stream<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
