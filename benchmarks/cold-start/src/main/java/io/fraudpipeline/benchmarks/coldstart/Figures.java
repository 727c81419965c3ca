package io.fraudpipeline.benchmarks.coldstart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToLongFunction;

/** The samples of one row of the table: median, min and max of each figure. */
final class Figures {

  private final List<ProcessRun.Sample> samples = new ArrayList<>();
  private final List<Integer> invokes = new ArrayList<>();

  void add(ProcessRun.Sample sample, int invokeCount) {
    samples.add(sample);
    invokes.add(invokeCount);
  }

  boolean isEmpty() {
    return samples.isEmpty();
  }

  long median(ToLongFunction<ProcessRun.Sample> figure) {
    List<Long> values = values(figure);
    return values.get(values.size() / 2);
  }

  long min(ToLongFunction<ProcessRun.Sample> figure) {
    return values(figure).get(0);
  }

  long max(ToLongFunction<ProcessRun.Sample> figure) {
    List<Long> values = values(figure);
    return values.get(values.size() - 1);
  }

  int medianInvokes() {
    List<Integer> sorted = new ArrayList<>(invokes);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private List<Long> values(ToLongFunction<ProcessRun.Sample> figure) {
    List<Long> values = new ArrayList<>();
    samples.forEach(s -> values.add(figure.applyAsLong(s)));
    Collections.sort(values);
    return values;
  }
}
