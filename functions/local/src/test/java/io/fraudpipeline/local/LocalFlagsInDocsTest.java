package io.fraudpipeline.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every flag of the local mode, as picocli's model of {@link LocalMain} lists them, has a row of
 * its own in the flags table of docs/local-mode.md.
 */
class LocalFlagsInDocsTest {

  @Test
  void everyFlagHasARowInTheLocalModePage() throws IOException {
    List<String> rows =
        Files.readAllLines(Path.of("..", "..", "docs", "local-mode.md")).stream()
            .filter(line -> line.startsWith("| `--"))
            .toList();
    List<String> flags =
        new CommandLine(new LocalMain())
            .getCommandSpec().options().stream().map(OptionSpec::longestName).toList();

    assertThat(flags).contains("--port", "--data-dir", "--help").hasSizeGreaterThan(12);
    assertThat(flags)
        .filteredOn(
            flag ->
                rows.stream()
                    .noneMatch(
                        r -> r.startsWith("| `" + flag + "`") || r.startsWith("| `" + flag + " ")))
        .isEmpty();
  }
}
