package io.fraudpipeline.operator.cli;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.api.v1alpha1.Backend;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.PendingResource;
import io.fraudpipeline.api.v1alpha1.UnsupportedSetting;
import io.fraudpipeline.operator.backend.StackBackend;
import io.fraudpipeline.operator.model.InvalidSpecException;
import io.fraudpipeline.operator.runtime.InstalledBackends;
import io.fraudpipeline.operator.stack.AssumedAws;
import io.fraudpipeline.operator.stack.ManagedObject;
import io.fraudpipeline.operator.stack.ObservedObjects;
import io.fraudpipeline.operator.stack.RenderedStack;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code render}: prints the managed resources of a FraudPipeline, offline, as multi-doc YAML. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description =
        "Print the managed resources of a FraudPipeline (Crossplane or ACK, as spec.backend"
            + " says) as multi-document YAML, computed offline by the same model the operator"
            + " applies.")
public class RenderCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = {"-f", "--file"},
      required = true,
      description =
          "FraudPipeline YAML file, or - for standard input; several FraudPipelines (documents"
              + " or a kind: List) are rendered one after another.")
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
              + AssumedAws.ACCOUNT
              + "), to show the whole stack.")
  boolean assumeReady;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (assumeReady && observed != null) {
      err.println(
          "error: --observed and --assume-ready exclude each other: statuses are either read or"
              + " assumed");
      return 2;
    }
    try {
      List<FraudPipeline> pipelines = PipelineReader.readPipelines(InputFile.read(file));
      List<GenericKubernetesResource> observedResources =
          observed == null
              ? List.of()
              : PipelineReader.readObserved(InputFile.read(observed.toString()));
      for (FraudPipeline pipeline : pipelines) {
        if (backend != null && pipeline.getSpec() != null) {
          pipeline.getSpec().setBackend(backend(backend));
        }
        StackBackend target = InstalledBackends.all().of(pipeline);
        RenderedStack stack =
            assumeReady
                ? target.renderAssumingReady(pipeline)
                : target.render(pipeline, new ObservedObjects(observedResources));
        if (observed != null && !observesAny(observedResources, stack)) {
          err.println(
              "warning: "
                  + observed
                  + " holds none of the managed resources of FraudPipeline "
                  + pipeline.getMetadata().getNamespace()
                  + "/"
                  + pipeline.getMetadata().getName()
                  + "; rendered as if nothing were observed");
        }
        print(out, pipeline, stack);
      }
      out.flush();
      err.flush();
      return 0;
    } catch (InvalidSpecException e) {
      err.println("error: " + e.getMessage());
      return 2;
    } catch (InputFile.UnreadableException e) {
      err.println("error: " + e.getMessage());
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

  /** Whether an observed object has the kind and name of one of the pipeline's MRs. */
  private static boolean observesAny(
      List<GenericKubernetesResource> observed, RenderedStack stack) {
    Set<String> desired = new HashSet<>();
    for (ManagedObject r : stack.desired()) {
      desired.add(r.getKind() + "/" + r.getMetadata().getName());
    }
    for (PendingResource w : stack.waiting()) {
      desired.add(w.getKind() + "/" + w.getName());
    }
    return observed.stream()
        .anyMatch(o -> desired.contains(o.getKind() + "/" + o.getMetadata().getName()));
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
    for (ManagedObject r : stack.desired()) {
      out.print(YamlOutput.document(r));
    }
  }
}
