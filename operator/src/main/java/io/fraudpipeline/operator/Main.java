package io.fraudpipeline.operator;

import io.fraudpipeline.operator.cli.DiffCommand;
import io.fraudpipeline.operator.cli.RenderCommand;
import io.fraudpipeline.operator.cli.RunCommand;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code run} (the operator, the default), {@code render} and {@code diff}. */
@Command(
    name = "fraud-pipeline-operator",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    subcommands = {RunCommand.class, RenderCommand.class, DiffCommand.class},
    description = "Provisions FraudPipeline stacks in AWS through Crossplane managed resources.")
public final class Main implements Callable<Integer> {

  /** Without a subcommand, run the operator. */
  @Override
  public Integer call() throws Exception {
    return new RunCommand().call();
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  /** The build's version, from a resource Maven fills in. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      }
      return new String[] {
        "fraud-pipeline-operator " + properties.getProperty("version", "(unknown version)")
      };
    }
  }
}
