package io.fraudpipeline.operator.cli;

import io.fraudpipeline.api.v1alpha1.Backend;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.PendingResource;
import io.fraudpipeline.api.v1alpha1.UnsupportedSetting;
import io.fraudpipeline.operator.backend.Backends;
import io.fraudpipeline.operator.backend.StackBackend;
import io.fraudpipeline.operator.crossplane.AssumedStatuses;
import io.fraudpipeline.operator.crossplane.ObservedResources;
import io.fraudpipeline.operator.crossplane.RenderedStack;
import io.fraudpipeline.operator.crossplane.kinds.ManagedResource;
import io.fraudpipeline.operator.model.InvalidSpecException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code render}: prints the managed resources of a FraudPipeline, offline, as multi-doc YAML. */
@Command(
    name = "render",
    description =
        "Print the managed resources of a FraudPipeline (Crossplane or ACK, as spec.backend"
            + " says) as multi-document YAML, computed offline by the same model the operator"
            + " applies.")
public class RenderCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = {"-f", "--file"},
      required = true,
      description = "FraudPipeline YAML file, or - for standard input.")
  String file;

  @Option(
      names = "--observed",
      description =
          "MRs with status (kubectl get -o yaml: a List or several documents), to render the MRs"
              + " that need another MR's status.")
  Path observed;

  @Option(
      names = "--backend",
      description =
          "Crossplane or ACK: overrides spec.backend of the file (default: the file's, else"
              + " Crossplane).")
  String backend;

  @Option(
      names = "--assume-ready",
      description =
          "Assume every object Ready with plausible statuses of its backend (fake account "
              + AssumedStatuses.ACCOUNT
              + "), to show the whole stack.")
  boolean assumeReady;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      FraudPipeline pipeline = PipelineReader.readPipeline(read(file));
      if (backend != null && pipeline.getSpec() != null) {
        pipeline.getSpec().setBackend(backend(backend));
      }
      StackBackend target = Backends.of(pipeline);
      RenderedStack stack;
      if (assumeReady) {
        stack = target.renderAssumingReady(pipeline);
      } else {
        ObservedResources observedResources =
            observed == null
                ? ObservedResources.none()
                : new ObservedResources(PipelineReader.readObserved(read(observed.toString())));
        stack = target.render(pipeline, observedResources);
      }
      print(out, pipeline, stack);
      out.flush();
      return 0;
    } catch (InvalidSpecException e) {
      err.println("error: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("error: cannot read " + e.getMessage());
      return 2;
    }
  }

  private static Backend backend(String name) {
    for (Backend b : Backend.values()) {
      if (b.value().equalsIgnoreCase(name)) {
        return b;
      }
    }
    throw new InvalidSpecException("--backend", "'" + name + "' is not Crossplane or ACK");
  }

  private static String read(String file) throws IOException {
    if ("-".equals(file)) {
      return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return Files.readString(Path.of(file));
  }

  private void print(PrintWriter out, FraudPipeline pipeline, RenderedStack stack) {
    out.println(
        "# FraudPipeline "
            + pipeline.getMetadata().getNamespace()
            + "/"
            + pipeline.getMetadata().getName()
            + " (suffix "
            + stack.names().suffix()
            + "): "
            + stack.desired().size()
            + " managed resources"
            + (stack.waiting().isEmpty() ? "" : ", " + stack.waiting().size() + " waiting"));
    for (PendingResource w : stack.waiting()) {
      out.println("#   not yet: " + w.getKind() + " " + w.getName() + ": " + w.getReason());
    }
    for (UnsupportedSetting u : stack.unsupported()) {
      out.println("#   unsupported: " + u.getField() + ": " + u.getReason());
    }
    if (stack.apiEndpoint() != null) {
      out.println("# apiEndpoint: " + stack.apiEndpoint());
    }
    for (ManagedResource r : stack.desired()) {
      out.print(YamlOutput.document(r));
    }
  }
}
