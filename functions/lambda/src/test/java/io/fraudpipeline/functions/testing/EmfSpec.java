package io.fraudpipeline.functions.testing;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a log line against the rules of CloudWatch's Embedded Metric Format specification, as
 * CloudWatch Logs applies them before extracting metrics: an {@code _aws} object with a numeric
 * {@code Timestamp} and a {@code CloudWatchMetrics} array of directives; each directive a {@code
 * Namespace}, {@code Dimensions} (sets of at most 30 names) and {@code Metrics} (at most 100, each
 * with a {@code Name} and, when given, a CloudWatch unit); every name a directive refers to present
 * as a member of the line itself, a dimension as a string, a metric as a number or an array of at
 * most 100 numbers.
 */
public final class EmfSpec {

  private static final Set<String> UNITS =
      Set.of(
          "Seconds",
          "Microseconds",
          "Milliseconds",
          "Bytes",
          "Kilobytes",
          "Megabytes",
          "Gigabytes",
          "Terabytes",
          "Bits",
          "Kilobits",
          "Megabits",
          "Gigabits",
          "Terabits",
          "Percent",
          "Count",
          "Bytes/Second",
          "Kilobytes/Second",
          "Megabytes/Second",
          "Gigabytes/Second",
          "Terabytes/Second",
          "Bits/Second",
          "Kilobits/Second",
          "Megabits/Second",
          "Gigabits/Second",
          "Terabits/Second",
          "Count/Second",
          "None");

  private EmfSpec() {}

  /**
   * @throws AssertionError naming the first rule the line breaks
   */
  public static void check(Map<String, Object> line) {
    if (!(line.get("_aws") instanceof Map<?, ?> aws)) {
      throw new AssertionError("no _aws object: " + line);
    }
    if (!(aws.get("Timestamp") instanceof Number)) {
      throw new AssertionError("_aws.Timestamp must be a number: " + line);
    }
    if (!(aws.get("CloudWatchMetrics") instanceof List<?> directives) || directives.isEmpty()) {
      throw new AssertionError("_aws.CloudWatchMetrics must be a non-empty array: " + line);
    }
    for (Object item : directives) {
      if (!(item instanceof Map<?, ?> directive)) {
        throw new AssertionError("a directive must be an object: " + item);
      }
      if (!(directive.get("Namespace") instanceof String namespace) || namespace.isEmpty()) {
        throw new AssertionError("a directive needs a Namespace: " + directive);
      }
      if (!(directive.get("Dimensions") instanceof List<?> sets)) {
        throw new AssertionError("a directive needs Dimensions: " + directive);
      }
      for (Object set : sets) {
        if (!(set instanceof List<?> names) || names.size() > 30) {
          throw new AssertionError("a dimension set is an array of at most 30 names: " + set);
        }
        for (Object name : names) {
          if (!(line.get(String.valueOf(name)) instanceof String)) {
            throw new AssertionError("dimension " + name + " is not a string member of " + line);
          }
        }
      }
      if (!(directive.get("Metrics") instanceof List<?> metrics) || metrics.size() > 100) {
        throw new AssertionError("Metrics must be an array of at most 100: " + directive);
      }
      for (Object definition : metrics) {
        checkMetric(line, definition);
      }
    }
  }

  private static void checkMetric(Map<String, Object> line, Object definition) {
    if (!(definition instanceof Map<?, ?> metric)
        || !(metric.get("Name") instanceof String name)
        || name.isEmpty()) {
      throw new AssertionError("a metric needs a Name: " + definition);
    }
    Object unit = metric.get("Unit");
    if (unit != null && !UNITS.contains(unit)) {
      throw new AssertionError("not a CloudWatch unit: " + unit);
    }
    Object value = line.get(name);
    if (value instanceof Number) {
      return;
    }
    if (!(value instanceof List<?> values)
        || values.isEmpty()
        || values.size() > 100
        || !values.stream().allMatch(Number.class::isInstance)) {
      throw new AssertionError(
          "metric " + name + " must be a number or 1-100 numbers at the top level: " + line);
    }
  }
}
