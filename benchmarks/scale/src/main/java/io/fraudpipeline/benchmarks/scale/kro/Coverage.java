package io.fraudpipeline.benchmarks.scale.kro;

import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.operator.crossplane.CrossplaneBackend;
import io.fraudpipeline.operator.stack.ManagedObject;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The RGD's objects per pipeline beside the operator's for the same FraudPipeline, counted by
 * {@code apiVersion kind}.
 *
 * @param kro what one instance of the RGD makes
 * @param operator what the operator renders once every MR is Ready
 */
record Coverage(Map<String, Integer> kro, Map<String, Integer> operator) {

  static Coverage of(Rgd rgd, FraudPipeline pipeline) {
    Map<String, Integer> operator = new TreeMap<>();
    for (ManagedObject mr : CrossplaneBackend.INSTANCE.renderAssumingReady(pipeline).desired()) {
      operator.merge(mr.getApiVersion() + " " + mr.getKind(), 1, Integer::sum);
    }
    return new Coverage(rgd.objectCounts(KroInstance.spec(pipeline)), operator);
  }

  /** The kinds whose counts differ, as {@code kind kro/operator}; empty when the stacks match. */
  Map<String, String> differences() {
    Map<String, String> out = new TreeMap<>();
    TreeSet<String> kinds = new TreeSet<>(kro.keySet());
    kinds.addAll(operator.keySet());
    for (String kind : kinds) {
      int k = kro.getOrDefault(kind, 0);
      int o = operator.getOrDefault(kind, 0);
      if (k != o) {
        out.put(kind, k + "/" + o);
      }
    }
    return out;
  }

  String line() {
    int k = kro.values().stream().mapToInt(Integer::intValue).sum();
    int o = operator.values().stream().mapToInt(Integer::intValue).sum();
    Map<String, String> diff = differences();
    return "kro RGD: %d MRs of %d kinds per pipeline; the operator: %d of %d for examples/fraudpipeline.yaml; %s"
        .formatted(
            k,
            kro.size(),
            o,
            operator.size(),
            diff.isEmpty() ? "the same kinds and counts" : "differing (kro/operator): " + diff);
  }
}
