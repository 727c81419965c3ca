package io.fraudpipeline.operator;

import io.fraudpipeline.operator.cli.RenderCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code run} (the operator, the default) and {@code render}. */
@Command(
    name = "fraud-pipeline-operator",
    mixinStandardHelpOptions = true,
    subcommands = {RenderCommand.class},
    description = "Provisions FraudPipeline stacks in AWS through Crossplane managed resources.")
public final class Main {

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }
}
