package io.fraudpipeline.operator.reconciler;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operator's configuration, from the environment the chart sets.
 *
 * @param watchNamespaces namespaces to watch; empty means all
 * @param serverSideApply false only against API servers without SSA (the tests' mock server)
 */
public record OperatorSettings(
    Set<String> watchNamespaces,
    String logLevel,
    String logFormat,
    boolean serverSideApply,
    boolean leaderElection,
    String podNamespace,
    int httpPort) {

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
        port(env.getOrDefault("HTTP_PORT", "8080")));
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
