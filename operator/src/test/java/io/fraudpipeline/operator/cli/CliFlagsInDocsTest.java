package io.fraudpipeline.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudpipeline.operator.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every flag of every command the operator's jar accepts, as picocli's model of {@link Main} lists
 * them, has a row in a reference table of docs/ (the first cell names it, e.g. {@code | `--file
 * FILE`, `-f` |}).
 */
class CliFlagsInDocsTest {

  @Test
  void everyFlagOfEveryCommandHasARowInTheDocs() throws IOException {
    String tables = tableFirstCells(Path.of("..", "docs"));
    List<String> flags = new ArrayList<>();
    collect(new CommandLine(new Main()), "", flags);

    assertThat(flags).contains("--version", "render --file", "render --assume-ready", "run --help");
    assertThat(flags)
        .filteredOn(f -> !documented(tables, f.substring(f.lastIndexOf(' ') + 1)))
        .isEmpty();
  }

  /** "--flag" for the jar's own options, "command --flag" for those of its commands. */
  private static void collect(CommandLine command, String prefix, List<String> out) {
    for (OptionSpec option : command.getCommandSpec().options()) {
      out.add(prefix + option.longestName());
    }
    command.getSubcommands().forEach((name, sub) -> collect(sub, prefix + name + " ", out));
  }

  private static boolean documented(String tables, String flag) {
    return Pattern.compile("`" + Pattern.quote(flag) + "[ `=]").matcher(tables).find();
  }

  /** The first cells of all Markdown table rows of the docs, one a line. */
  private static String tableFirstCells(Path docs) throws IOException {
    StringBuilder cells = new StringBuilder();
    try (Stream<Path> files = Files.walk(docs)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
        Files.readAllLines(file).stream()
            .filter(line -> line.startsWith("|"))
            .forEach(line -> cells.append(line.split("\\|", 3)[1]).append('\n'));
      }
    }
    return cells.toString();
  }
}
