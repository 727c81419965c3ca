package io.fraudpipeline.benchmarks.scale;

import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.cli.PipelineReader;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The benchmark's pipelines: N copies of examples/fraudpipeline.yaml, each with a suffix of its own
 * (so none claims another's AWS names), {@code perNamespace} to a namespace.
 */
final class Pipelines {

  private Pipelines() {}

  static List<FraudPipeline> of(int count, int perNamespace) throws IOException {
    String example = Files.readString(Repository.root().resolve("examples/fraudpipeline.yaml"));
    List<FraudPipeline> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      FraudPipeline p = PipelineReader.readPipeline(example);
      String name = "p%04d".formatted(i);
      p.getMetadata().setName(name);
      p.getMetadata().setNamespace(namespace(i, perNamespace));
      p.getSpec().setEnvironmentSuffix(name);
      out.add(p);
    }
    return out;
  }

  static String namespace(int index, int perNamespace) {
    return "bench-%02d".formatted(index / perNamespace);
  }

  static SortedSet<String> namespaces(List<FraudPipeline> pipelines) {
    SortedSet<String> out = new TreeSet<>();
    pipelines.forEach(p -> out.add(p.getMetadata().getNamespace()));
    return out;
  }
}
