package io.fraudpipeline.operator.reconciler;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The operator's configuration, from the environment the chart sets.
 *
 * @param watchNamespaces namespaces to watch; empty means all
 * @param serverSideApply false only against API servers without SSA (the tests' mock server)
 * @param resyncPeriod a full pass over every pipeline at least this often, even without events
 */
public record OperatorSettings(
    Set<String> watchNamespaces,
    String logLevel,
    String logFormat,
    boolean serverSideApply,
    boolean leaderElection,
    String podNamespace,
    int httpPort,
    int reconcileConcurrency,
    Duration resyncPeriod) {

  private static final Pattern GO_DURATION_PART =
      Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|ms|s|m|h)");

  public static OperatorSettings fromEnvironment(Map<String, String> env) {
    String namespaces = env.getOrDefault("WATCH_NAMESPACES", "");
    Set<String> watch =
        Arrays.stream(namespaces.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    String format = env.getOrDefault("LOG_FORMAT", "text").toLowerCase(Locale.ROOT);
    if (!format.equals("text") && !format.equals("json")) {
      throw new IllegalArgumentException("LOG_FORMAT: expected json or text, got '" + format + "'");
    }
    String level = env.getOrDefault("LOG_LEVEL", "info").trim().toLowerCase(Locale.ROOT);
    if (!Set.of("trace", "debug", "info", "warn", "error").contains(level)) {
      throw new IllegalArgumentException(
          "LOG_LEVEL: expected trace, debug, info, warn or error, got '" + level + "'");
    }
    return new OperatorSettings(
        watch,
        level,
        format,
        bool(env, "SERVER_SIDE_APPLY", true),
        bool(env, "LEADER_ELECTION", false),
        env.getOrDefault("POD_NAMESPACE", "default"),
        port(env.getOrDefault("HTTP_PORT", "8080")),
        positive(env, "RECONCILE_CONCURRENCY", 5),
        goDuration(env, "RESYNC_PERIOD", "10m"));
  }

  private static int positive(Map<String, String> env, String name, int defaultValue) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name + ": expected a positive number, got '" + value + "'");
    }
  }

  /** A Go duration as the chart writes it: 10m, 1h30m, 45s, 500ms. */
  static Duration goDuration(Map<String, String> env, String name, String defaultValue) {
    String value = env.getOrDefault(name, defaultValue).trim();
    Matcher m = GO_DURATION_PART.matcher(value);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      double amount = Double.parseDouble(m.group(1));
      long nanosPerUnit =
          switch (m.group(2)) {
            case "ns" -> 1L;
            case "us" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
          };
      total = total.plusNanos(Math.round(amount * nanosPerUnit));
      end = m.end();
    }
    if (value.isEmpty() || end != value.length() || total.isZero()) {
      throw new IllegalArgumentException(
          name + ": expected a duration such as 10m, 1h30m or 45s, got '" + value + "'");
    }
    return total;
  }

  private static boolean bool(Map<String, String> env, String name, boolean defaultValue) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(
              name + ": expected true or false, got '" + value + "'");
    };
  }

  private static int port(String value) {
    try {
      int port = Integer.parseInt(value.trim());
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("HTTP_PORT: expected a port number, got '" + value + "'");
    }
  }
}
