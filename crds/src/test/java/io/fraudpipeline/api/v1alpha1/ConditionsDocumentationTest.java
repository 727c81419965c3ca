package io.fraudpipeline.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.testing.crd.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/api.md names the same condition types and reasons as the API. */
class ConditionsDocumentationTest {

  private static final Pattern NAME = Pattern.compile("`([A-Za-z]+)`");
  private static final Pattern TYPE_IN_PARENTHESES = Pattern.compile("\\(([A-Za-z]+)\\)");

  private final List<String> lines = readApiDoc();

  @Test
  void theStatusTableListsEveryConditionType() {
    String row =
        lines.stream().filter(l -> l.startsWith("| `conditions` |")).findFirst().orElseThrow();
    // "`Ready`, `Reconciling`, `Stalled` (kstatus), each with `reason`, ...": the types come first
    String types = row.split("\\|")[2].split("\\(")[0];
    assertThat(names(types)).containsExactlyElementsOf(ConditionTypes.ALL);
  }

  @Test
  void theReasonTableListsEveryReasonOnceUnderAType() {
    int header = lines.indexOf("| condition reason | when |");
    assertThat(header).as("docs/api.md has the condition reason table").isNotNegative();
    List<String> reasons = new ArrayList<>();
    for (String row : lines.subList(header + 2, lines.size())) {
      if (!row.startsWith("|")) {
        break;
      }
      String cell = row.split("\\|")[1];
      Matcher type = TYPE_IN_PARENTHESES.matcher(cell);
      assertThat(type.find()).as("row names its condition type: %s", row).isTrue();
      assertThat(ConditionTypes.ALL).as(row).contains(type.group(1));
      reasons.addAll(names(cell));
    }
    assertThat(reasons).containsExactlyInAnyOrderElementsOf(ConditionReasons.ALL);
  }

  private static List<String> names(String cell) {
    List<String> names = new ArrayList<>();
    Matcher m = NAME.matcher(cell);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static List<String> readApiDoc() {
    try {
      return Files.readAllLines(ProjectPaths.root().resolve("docs/api.md"));
    } catch (IOException e) {
      throw new AssertionError("docs/api.md", e);
    }
  }
}
