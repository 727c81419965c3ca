package io.fraudpipeline.operator.cli;

import io.fraudpipeline.operator.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * One run of the operator's jar in this JVM, as a user types it: its exit code and what it printed
 * on each stream.
 */
public record CliRun(int exitCode, String out, String err) {

  public static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return new CliRun(cli.execute(args), out.toString(), err.toString());
  }

  public List<String> lines() {
    return out.lines().toList();
  }

  /** The lines but for the settings the backend reports unsupported (ACK's, each time). */
  public List<String> changes() {
    return out.lines().filter(l -> !l.startsWith("! unsupported ")).toList();
  }
}
