package io.fraudpipeline.operator;

import io.fraudpipeline.operator.cli.RenderCommand;
import io.fraudpipeline.operator.cli.RunCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code run} (the operator, the default) and {@code render}. */
@Command(
    name = "fraud-pipeline-operator",
    mixinStandardHelpOptions = true,
    subcommands = {RunCommand.class, RenderCommand.class},
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
}
