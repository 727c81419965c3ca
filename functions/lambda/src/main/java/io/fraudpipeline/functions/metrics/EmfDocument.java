package io.fraudpipeline.functions.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One CloudWatch Embedded Metric Format document: a log line CloudWatch Logs turns into metrics,
 * with no API call. Its {@code _aws} member holds the timestamp and one metric directive
 * (namespace, dimension sets, each metric's name and unit); the dimension values and the metric
 * values are members of the document itself, as the format requires. A metric holds one value or
 * several (CloudWatch takes each as a sample), so one invocation writes one line however much it
 * did.
 */
public final class EmfDocument {

  /** The format's limit of values in one metric's array. */
  public static final int MAX_VALUES = 100;

  /** The format's limit of dimensions in one dimension set. */
  public static final int MAX_DIMENSIONS = 30;

  private final String namespace;
  private final Map<String, String> dimensions = new LinkedHashMap<>();
  private final List<List<String>> dimensionSets = new ArrayList<>();
  private final Map<String, Metric> metrics = new LinkedHashMap<>();

  private record Metric(MetricUnit unit, List<Double> values) {}

  private EmfDocument(String namespace) {
    this.namespace = namespace;
  }

  public static EmfDocument in(String namespace) {
    return new EmfDocument(namespace);
  }

  /** A dimension's value, a string member of the document. */
  public EmfDocument dimension(String name, String value) {
    dimensions.put(name, value);
    return this;
  }

  /**
   * A set of dimensions every metric of the document is recorded under; several sets record each
   * metric once per set (the total per pipeline and its split by reason, say).
   *
   * @throws IllegalArgumentException for a dimension without a value, or a set over the limit
   */
  public EmfDocument dimensionSet(String... names) {
    if (names.length > MAX_DIMENSIONS) {
      throw new IllegalArgumentException("a dimension set holds at most " + MAX_DIMENSIONS);
    }
    for (String name : names) {
      if (!dimensions.containsKey(name)) {
        throw new IllegalArgumentException("dimension " + name + " has no value");
      }
    }
    dimensionSets.add(List.of(names));
    return this;
  }

  /** Adds one value to a metric; the metric's unit is the one it was first given. */
  public EmfDocument add(String name, MetricUnit unit, double value) {
    metrics.computeIfAbsent(name, n -> new Metric(unit, new ArrayList<>())).values().add(value);
    return this;
  }

  /** A count: one value, read with the Sum statistic. */
  public EmfDocument count(String name, long count) {
    return add(name, MetricUnit.COUNT, count);
  }

  public boolean isEmpty() {
    return metrics.isEmpty();
  }

  /**
   * The document as JSON members, ready to write as one line; more than one when a metric holds
   * more than {@link #MAX_VALUES} values, the rest going to further documents of the same shape.
   *
   * @param timestampMillis when the metrics were taken, epoch milliseconds
   */
  public List<Map<String, Object>> toJson(long timestampMillis) {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (int offset = 0; ; offset += MAX_VALUES) {
      Map<String, List<Double>> chunk = new LinkedHashMap<>();
      for (Map.Entry<String, Metric> metric : metrics.entrySet()) {
        List<Double> values = metric.getValue().values();
        if (offset < values.size()) {
          chunk.put(
              metric.getKey(),
              values.subList(offset, Math.min(values.size(), offset + MAX_VALUES)));
        }
      }
      if (chunk.isEmpty()) {
        return documents;
      }
      documents.add(document(timestampMillis, chunk));
    }
  }

  private Map<String, Object> document(long timestampMillis, Map<String, List<Double>> values) {
    List<Map<String, Object>> definitions = new ArrayList<>();
    for (String name : values.keySet()) {
      Map<String, Object> definition = new LinkedHashMap<>();
      definition.put("Name", name);
      definition.put("Unit", metrics.get(name).unit().cloudWatchName());
      definitions.add(definition);
    }
    Map<String, Object> directive = new LinkedHashMap<>();
    directive.put("Namespace", namespace);
    directive.put("Dimensions", dimensionSets);
    directive.put("Metrics", definitions);
    Map<String, Object> aws = new LinkedHashMap<>();
    aws.put("Timestamp", timestampMillis);
    aws.put("CloudWatchMetrics", List.of(directive));

    Map<String, Object> document = new LinkedHashMap<>();
    document.put("_aws", aws);
    document.putAll(dimensions);
    values.forEach(
        (name, list) -> document.put(name, list.size() == 1 ? number(list.get(0)) : numbers(list)));
    return document;
  }

  private static List<Object> numbers(List<Double> values) {
    return values.stream().map(EmfDocument::number).toList();
  }

  /** Whole numbers as integers, so a count reads {@code 3}, not {@code 3.0}. */
  private static Object number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) (long) value : value;
  }
}
