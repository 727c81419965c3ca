package io.fraudpipeline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * values.yaml, the user's reference, documents every key, and the schema knows exactly those keys.
 */
class ValuesDocumentationTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void schemaAndValuesHaveTheSameTopLevelKeys() throws IOException {
    JsonNode values = YAML.readTree(Chart.dir().resolve("values.yaml").toFile());
    JsonNode schema = JSON.readTree(Chart.dir().resolve("values.schema.json").toFile());
    Set<String> schemaKeys = new TreeSet<>();
    schema.path("properties").fieldNames().forEachRemaining(schemaKeys::add);
    schemaKeys.remove("global"); // Helm's own, present when the chart is a subchart
    Set<String> valueKeys = new TreeSet<>();
    values.fieldNames().forEachRemaining(valueKeys::add);

    assertThat(valueKeys).isEqualTo(schemaKeys);
  }

  @Test
  void everyTopLevelKeyHasACommentAboveIt() throws IOException {
    List<String> lines = Files.readAllLines(Chart.dir().resolve("values.yaml"));
    List<String> undocumented = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      boolean topLevelKey = line.matches("^[a-zA-Z][a-zA-Z0-9]*:.*");
      if (topLevelKey && !documented(lines, i)) {
        undocumented.add(line);
      }
    }

    assertThat(undocumented).isEmpty();
  }

  /**
   * A comment right above the key, or above the group of keys without blank lines it belongs to.
   */
  private static boolean documented(List<String> lines, int index) {
    for (int i = index - 1; i >= 0; i--) {
      String line = lines.get(i).trim();
      if (line.startsWith("#")) {
        return true;
      }
      if (line.isEmpty()) {
        return false;
      }
    }
    return false;
  }
}
