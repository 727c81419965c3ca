package io.fraudpipeline.operator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.api.v1alpha1.PipelineAnnotations;
import io.fraudpipeline.operator.backend.StackBackend;
import io.fraudpipeline.operator.model.InvalidSpecException;
import io.fraudpipeline.operator.reconciler.StackPlan;
import io.fraudpipeline.operator.runtime.InstalledBackends;
import io.fraudpipeline.operator.stack.ObservedObjects;
import io.fraudpipeline.operator.stack.RenderedStack;
import java.io.File;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code diff}: what the operator's next passes would do to a pipeline's objects, computed by the
 * reconciler's own render and plan over the live objects, read with the user's kubeconfig. Writes
 * nothing. Exits as {@code kubectl diff} does: 0 no change, 1 changes, 2 an error.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description =
        "Show what the operator would do to a FraudPipeline's objects: create, update (old ->"
            + " new, the fields the operator owns), replace (a field that cannot change in place,"
            + " and its cost) or delete. Reads the cluster with your kubeconfig and writes"
            + " nothing. Exit code 0: no changes, 1: changes, 2: an error.")
public class DiffCommand implements Callable<Integer> {

  static final int NO_CHANGES = 0;
  static final int CHANGES = 1;
  static final int ERROR = 2;

  private static final Set<String> PIPELINE_TYPES =
      Set.of(
          "fp",
          "fraudpipeline",
          "fraudpipelines",
          "fraudpipeline." + FraudPipeline.GROUP,
          "fraudpipelines." + FraudPipeline.GROUP);

  private static final ObjectMapper SORTED =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "fp/NAME",
      description = "A FraudPipeline in the cluster, compared with its own live objects.")
  String pipelineName;

  @Option(
      names = {"-f", "--file"},
      description =
          "FraudPipeline YAML file, or - for standard input: the spec you would apply, compared"
              + " with the live objects of the pipeline of that name.")
  String file;

  @Option(
      names = {"-n", "--namespace"},
      description = "The pipeline's namespace (default: the file's, else the context's).")
  String namespace;

  @Option(
      names = "--kubeconfig",
      description = "The kubeconfig file (default: $KUBECONFIG, else ~/.kube/config).")
  File kubeconfig;

  @Option(names = "--context", description = "The kubeconfig context (default: the current one).")
  String context;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Logging.quietVersionWarnings();
    try {
      if ((file == null) == (pipelineName == null)) {
        throw new InvalidSpecException("arguments", "give either fp/NAME or -f FILE");
      }
      Config config = clientConfig();
      String defaultNamespace =
          namespace != null
              ? namespace
              : config.getNamespace() == null ? "default" : config.getNamespace();
      int exit = NO_CHANGES;
      try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
        ClusterReads cluster = new ClusterReads(client);
        for (FraudPipeline pipeline : pipelines(cluster, defaultNamespace)) {
          exit = Math.max(exit, diff(cluster, pipeline, out));
        }
      }
      out.flush();
      return exit;
    } catch (InvalidSpecException | InputFile.UnreadableException | ClusterReads.Refused e) {
      out.flush();
      err.println("error: " + e.getMessage());
      err.flush();
      return ERROR;
    }
  }

  /** The pipelines to compare: the file's, over their live selves, or the one named. */
  private List<FraudPipeline> pipelines(ClusterReads cluster, String defaultNamespace) {
    if (file == null) {
      String name = pipelineName(pipelineName);
      return List.of(
          cluster
              .pipeline(defaultNamespace, name)
              .orElseThrow(
                  () ->
                      new ClusterReads.Refused(
                          "FraudPipeline " + defaultNamespace + "/" + name + " not found")));
    }
    List<FraudPipeline> pipelines =
        PipelineReader.readPipelines(InputFile.read(file), defaultNamespace).stream()
            .map(DiffCommand::asStored)
            .toList();
    for (FraudPipeline pipeline : pipelines) {
      cluster
          .pipeline(pipeline.getMetadata().getNamespace(), pipeline.getMetadata().getName())
          .ifPresent(live -> asAppliedOver(pipeline, live));
    }
    return pipelines;
  }

  /**
   * The pipeline as the API server stores and returns it: the keys of its maps (tags) sorted. The
   * operator reads it so, and an ACK tag list follows that order: the file's order would show a
   * change that applying it does not make.
   */
  private static FraudPipeline asStored(FraudPipeline pipeline) {
    try {
      return Serialization.unmarshal(SORTED.writeValueAsString(pipeline), FraudPipeline.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the pipeline as JSON", e);
    }
  }

  /**
   * The file's pipeline as it would be once applied over the live one: the same object (its uid
   * owns the objects) with the same status (the names in effect, which a new suffix must keep), and
   * paused if the live one is, unless the file says otherwise.
   */
  private static void asAppliedOver(FraudPipeline applied, FraudPipeline live) {
    applied.getMetadata().setUid(live.getMetadata().getUid());
    applied.setStatus(live.getStatus());
    var liveAnnotations = live.getMetadata().getAnnotations();
    if (liveAnnotations != null && liveAnnotations.containsKey(PipelineAnnotations.PAUSED)) {
      var annotations =
          applied.getMetadata().getAnnotations() == null
              ? new HashMap<String, String>()
              : new HashMap<>(applied.getMetadata().getAnnotations());
      annotations.putIfAbsent(
          PipelineAnnotations.PAUSED, liveAnnotations.get(PipelineAnnotations.PAUSED));
      applied.getMetadata().setAnnotations(annotations);
    }
  }

  private static int diff(ClusterReads cluster, FraudPipeline pipeline, PrintWriter out) {
    StackBackend backend = InstalledBackends.all().of(pipeline);
    ObservedObjects observed = cluster.objects(pipeline, backend);
    RenderedStack stack = backend.render(pipeline, observed);
    StackPlan plan = StackPlan.of(backend, stack, observed);
    String where = pipeline.getMetadata().getNamespace();
    List<StackDiff.Entry> entries =
        StackDiff.of(plan, stack.replacements(), backend.kinds(), where);
    int unchanged =
        stack.desired().size()
            - plan.creates().size()
            - plan.updates().size()
            + (int) plan.waiting().stream().filter(StackPlan.Waiting::exists).count();
    DiffOutput.lines(
            where + "/" + pipeline.getMetadata().getName(),
            backend.id().value(),
            PipelineAnnotations.isPaused(pipeline),
            entries,
            unchanged,
            stack.unsupported())
        .forEach(out::println);
    return entries.isEmpty() ? NO_CHANGES : CHANGES;
  }

  /** NAME of {@code fp/NAME}, {@code fraudpipeline/NAME}, ... or a bare {@code NAME}. */
  static String pipelineName(String argument) {
    int slash = argument.indexOf('/');
    if (slash < 0) {
      return argument;
    }
    String type = argument.substring(0, slash).toLowerCase(Locale.ROOT);
    if (!PIPELINE_TYPES.contains(type) || slash == argument.length() - 1) {
      throw new InvalidSpecException(
          "fp/NAME", "expected a FraudPipeline such as fp/payments, got '" + argument + "'");
    }
    return argument.substring(slash + 1);
  }

  /**
   * The user's kubeconfig as kubectl reads it, each request tried once: an unreachable cluster is
   * an error within seconds, not after the client's retries.
   */
  private Config clientConfig() {
    Config base;
    try {
      base =
          kubeconfig != null
              ? Config.fromKubeconfig(context, kubeconfig)
              : Config.autoConfigure(context);
    } catch (RuntimeException e) {
      throw new ClusterReads.Refused(
          "cannot load the kubeconfig"
              + (kubeconfig == null ? "" : " " + kubeconfig)
              + ": "
              + e.getMessage());
    }
    return new ConfigBuilder(base)
        .withRequestRetryBackoffLimit(0)
        .withConnectionTimeout(5_000)
        .withRequestTimeout(30_000)
        .build();
  }
}
