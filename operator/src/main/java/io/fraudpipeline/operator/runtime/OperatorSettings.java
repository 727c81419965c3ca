package io.fraudpipeline.operator.runtime;

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
 * @param resyncPeriod a full pass over every pipeline at least this often, even without events
 * @param shutdownTimeout how long a stop waits for reconciles in flight to finish
 * @param leaseDuration how long a leader's lease holds without renewal (leader election)
 * @param deletionStuckAfter how long a managed resource may take to be deleted, while its pipeline
 *     is deleted, before a DeletionStuck warning event names it
 * @param identity this replica's name in the lease: the pod name
 */
public record OperatorSettings(
    Set<String> watchNamespaces,
    String logLevel,
    String logFormat,
    boolean leaderElection,
    String podNamespace,
    int httpPort,
    int reconcileConcurrency,
    Duration resyncPeriod,
    Duration shutdownTimeout,
    Duration leaseDuration,
    Duration deletionStuckAfter,
    String identity) {

  private static final Pattern GO_DURATION_PART =
      Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|ms|s|m|h)");

  /** A namespace name: an RFC 1123 label. */
  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  /**
   * Reads and checks every setting.
   *
   * @throws IllegalArgumentException naming the first bad variable, in one line
   */
  public static OperatorSettings fromEnvironment(Map<String, String> env) {
    String namespaces = env.getOrDefault("WATCH_NAMESPACES", "");
    Set<String> watch =
        Arrays.stream(namespaces.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    for (String namespace : watch) {
      namespace("WATCH_NAMESPACES", namespace);
    }
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
        bool(env, "LEADER_ELECTION", false),
        namespace("POD_NAMESPACE", env.getOrDefault("POD_NAMESPACE", "default").trim()),
        port(env.getOrDefault("HTTP_PORT", "8080")),
        positive(env, "RECONCILE_CONCURRENCY", 5),
        goDuration(env, "RESYNC_PERIOD", "10m"),
        goDuration(env, "SHUTDOWN_TIMEOUT", "20s"),
        goDuration(env, "LEASE_DURATION", "15s"),
        goDuration(env, "DELETION_STUCK_AFTER", "5m"),
        identity(env));
  }

  /** The renew deadline and retry period follow the lease duration, as client-go's 15s/10s/2s. */
  public Duration renewDeadline() {
    return leaseDuration.multipliedBy(2).dividedBy(3);
  }

  public Duration retryPeriod() {
    return leaseDuration.dividedBy(7);
  }

  private static String namespace(String variable, String value) {
    if (!NAMESPACE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          variable + ": '" + value + "' is not a namespace name (lowercase RFC 1123 label)");
    }
    return value;
  }

  /** Kubernetes sets HOSTNAME to the pod name: unique among the replicas. */
  private static String identity(Map<String, String> env) {
    String hostname = env.getOrDefault("HOSTNAME", "").trim();
    return hostname.isEmpty() ? "fraud-pipeline-operator-" + java.util.UUID.randomUUID() : hostname;
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
