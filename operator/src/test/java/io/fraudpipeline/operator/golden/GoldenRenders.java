package io.fraudpipeline.operator.golden;

import io.fraudpipeline.operator.Main;
import io.fraudpipeline.testing.crd.ProjectPaths;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * The renders a refactor of the model or a backend must leave as they are: every example on both
 * backends, fresh and assuming every object Ready, and a few observed states (committed inputs in
 * {@code golden/observed}). {@link #main} writes the expected outputs again, for a change that
 * means to alter them.
 */
public final class GoldenRenders {

  static final Path DIR = ProjectPaths.root().resolve("operator/src/test/resources/golden");

  /** One render: a pipeline file, a backend and how its objects are observed. */
  record Case(String name, Path pipeline, String backend, List<String> mode) {

    Path expected() {
      return DIR.resolve("expected").resolve(name + ".yaml");
    }

    String render() {
      List<String> args = new ArrayList<>(List.of("render", "-f", pipeline.toString()));
      args.addAll(List.of("--backend", backend));
      args.addAll(mode);
      StringWriter out = new StringWriter();
      CommandLine cli = new CommandLine(new Main());
      cli.setOut(new PrintWriter(out));
      cli.setErr(new PrintWriter(out));
      int code = cli.execute(args.toArray(String[]::new));
      return "# exit " + code + "\n" + out;
    }
  }

  private GoldenRenders() {}

  static List<Case> cases() throws IOException {
    List<Case> cases = new ArrayList<>();
    List<Path> examples;
    try (var files = Files.list(ProjectPaths.examples())) {
      examples =
          files
              .filter(p -> p.getFileName().toString().matches("fraudpipeline.*\\.yaml"))
              .sorted()
              .toList();
    }
    for (String backend : List.of("Crossplane", "ACK")) {
      for (Path example : examples) {
        String base = example.getFileName().toString().replace(".yaml", "") + "-" + backend;
        cases.add(new Case(base + "-fresh", example, backend, List.of()));
        cases.add(new Case(base + "-ready", example, backend, List.of("--assume-ready")));
      }
      Path observed = DIR.resolve("observed");
      String b = backend.toLowerCase();
      Path payments = ProjectPaths.examples().resolve("fraudpipeline.yaml");
      // the first wave of objects reported Ready: what waits on them is built next
      cases.add(
          new Case(
              "first-wave-" + b,
              payments,
              backend,
              List.of("--observed", observed.resolve("first-wave-" + b + ".yaml").toString())));
      // a Ready stack, then an edit of routes, stream and functions: roll-overs and replacements
      cases.add(
          new Case(
              "edited-" + b,
              observed.resolve("edited-pipeline.yaml"),
              backend,
              List.of("--observed", observed.resolve("ready-" + b + ".yaml").toString())));
    }
    return cases;
  }

  /** Every render, one after another. */
  static String all() throws IOException {
    StringBuilder out = new StringBuilder();
    for (Case c : cases()) {
      out.append("## ").append(c.name()).append('\n').append(c.render());
    }
    return out.toString();
  }

  /**
   * Writes every expected render from the code as it is; with {@code --print}, prints them all
   * instead (what {@link RenderAcrossJvmsTest} compares between JVMs).
   */
  public static void main(String[] args) throws IOException {
    if (args.length == 1 && args[0].equals("--print")) {
      System.out.print(all());
      return;
    }
    Files.createDirectories(DIR.resolve("expected"));
    for (Case c : cases()) {
      Files.writeString(c.expected(), c.render());
    }
  }
}
