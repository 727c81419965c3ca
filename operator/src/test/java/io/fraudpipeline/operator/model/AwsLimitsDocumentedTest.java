package io.fraudpipeline.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.testing.crd.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/api.md lists the limits a user meets: the same rows as {@link AwsLimit}. */
class AwsLimitsDocumentedTest {

  private static final String START = "<!-- aws-limits:start -->";
  private static final String END = "<!-- aws-limits:end -->";

  @Test
  void theApiDocsTableOfAwsLimitsIsTheModels() throws IOException {
    List<String> lines = Files.readAllLines(ProjectPaths.root().resolve("docs/api.md"));
    List<String> documented = lines.subList(lines.indexOf(START) + 1, lines.indexOf(END));

    assertThat(documented)
        .as(
            "docs/api.md's table between %s and %s; the rows that belong there:%n%s",
            START, END, String.join("\n", AwsLimit.markdownRows()))
        .containsExactlyElementsOf(AwsLimit.markdownRows());
  }

  @Test
  void everyLimitNamesItsSourcePage() {
    for (AwsLimit limit : AwsLimit.values()) {
      assertThat(limit.source()).as(limit.name()).startsWith("https://");
    }
  }
}
