package io.fraudpipeline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

class ChartLintTest {

  @Test
  void strictLintPassesWithoutWarnings() {
    LintResult result = Chart.lint();

    assertThat(result.isFailed()).as("helm lint --strict: %s", result.getMessages()).isFalse();
    assertThat(result.getMessages())
        .as("only informational lint messages are acceptable")
        .allSatisfy(message -> assertThat(message).startsWith("[INFO]"));
  }
}
