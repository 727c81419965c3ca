package io.fraudpipeline.helm;

import io.fraudpipeline.testing.crd.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commands of docs/deploy.md's bash blocks, as a user types them: continuation lines joined,
 * each command split into arguments as a shell would (single quotes kept whole), and a {@code #
 * Helm 3} or {@code # Helm 4} comment marking the command after it as that Helm's only.
 */
final class DeployCommands {

  /** One command, and the Helm it is for (0: every). */
  record Command(List<String> args, int helm) {

    boolean startsWith(String... words) {
      return args.size() >= words.length && args.subList(0, words.length).equals(List.of(words));
    }

    boolean isFor(int helmVersion) {
      return helm == 0 || helm == helmVersion;
    }
  }

  private static final Pattern WORD = Pattern.compile("'([^']*)'|(\\S+)");
  private static final Pattern HELM_COMMENT = Pattern.compile("#\\s*Helm (\\d)\\s*");

  private DeployCommands() {}

  /** Every command in the bash blocks of the section with this heading (to the next "## "). */
  static List<Command> inSection(String heading) throws IOException {
    List<String> lines = Files.readAllLines(ProjectPaths.root().resolve("docs/deploy.md"));
    int start = lines.indexOf(heading);
    if (start < 0) {
      throw new AssertionError("docs/deploy.md has no section " + heading);
    }
    List<Command> commands = new ArrayList<>();
    boolean inBash = false;
    int helm = 0;
    StringBuilder pending = new StringBuilder();
    for (String raw : lines.subList(start + 1, lines.size())) {
      String line = raw.strip();
      if (!inBash && line.startsWith("## ")) {
        break;
      }
      if (line.startsWith("```")) {
        inBash = !inBash && line.equals("```bash");
        helm = 0;
        continue;
      }
      if (!inBash || line.isEmpty()) {
        continue;
      }
      Matcher comment = HELM_COMMENT.matcher(line);
      if (comment.matches()) {
        helm = Integer.parseInt(comment.group(1));
        continue;
      }
      if (line.endsWith("\\")) {
        pending.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      pending.append(line);
      commands.add(new Command(words(pending.toString()), helm));
      pending.setLength(0);
      helm = 0;
    }
    return commands;
  }

  /** The one command of the section that starts with these words and is for this Helm. */
  static Command find(String heading, int helmVersion, String... words) throws IOException {
    List<Command> found =
        inSection(heading).stream()
            .filter(c -> c.startsWith(words) && c.isFor(helmVersion))
            .toList();
    if (found.size() != 1) {
      throw new AssertionError(
          "docs/deploy.md, "
              + heading
              + ": expected one '"
              + String.join(" ", words)
              + "' command for Helm "
              + helmVersion
              + ", found "
              + found);
    }
    return found.get(0);
  }

  private static List<String> words(String line) {
    List<String> args = new ArrayList<>();
    Matcher m = WORD.matcher(line);
    while (m.find()) {
      args.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    return args;
  }
}
