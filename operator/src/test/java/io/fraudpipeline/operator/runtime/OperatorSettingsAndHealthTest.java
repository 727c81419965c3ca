package io.fraudpipeline.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The chart's conventions: configuration by environment, health endpoints on one port. */
class OperatorSettingsAndHealthTest {

  @Test
  void settingsComeFromTheEnvironmentWithProductionDefaults() {
    OperatorSettings defaults = OperatorSettings.fromEnvironment(Map.of());
    assertThat(defaults.watchNamespaces()).isEmpty();
    assertThat(defaults.httpPort()).isEqualTo(8080);
    assertThat(defaults.logFormat()).isEqualTo("text");

    OperatorSettings set =
        OperatorSettings.fromEnvironment(
            Map.of(
                "WATCH_NAMESPACES", "fraud-dev, fraud-prod,",
                "LEADER_ELECTION", "true",
                "LOG_FORMAT", "json",
                "POD_NAMESPACE", "operators",
                "HTTP_PORT", "9090"));
    assertThat(set.watchNamespaces()).isEqualTo(Set.of("fraud-dev", "fraud-prod"));
    assertThat(set.leaderElection()).isTrue();
    assertThat(set.podNamespace()).isEqualTo("operators");
    assertThat(set.httpPort()).isEqualTo(9090);

    assertThat(defaults.reconcileConcurrency()).isEqualTo(5);
    assertThat(defaults.resyncPeriod()).isEqualTo(Duration.ofMinutes(10));
    OperatorSettings chart =
        OperatorSettings.fromEnvironment(
            Map.of("LOG_LEVEL", "INFO", "RECONCILE_CONCURRENCY", "3", "RESYNC_PERIOD", "1h30m"));
    assertThat(chart.logLevel()).isEqualTo("info");
    assertThat(chart.reconcileConcurrency()).isEqualTo(3);
    assertThat(chart.resyncPeriod()).isEqualTo(Duration.ofMinutes(90));
    assertThat(OperatorSettings.fromEnvironment(Map.of("RESYNC_PERIOD", "45s")).resyncPeriod())
        .isEqualTo(Duration.ofSeconds(45));
    assertThat(defaults.deletionStuckAfter()).isEqualTo(Duration.ofMinutes(5));
    assertThat(
            OperatorSettings.fromEnvironment(Map.of("DELETION_STUCK_AFTER", "20s"))
                .deletionStuckAfter())
        .isEqualTo(Duration.ofSeconds(20));
    assertThatThrownBy(
            () -> OperatorSettings.fromEnvironment(Map.of("DELETION_STUCK_AFTER", "soon")))
        .hasMessage(
            "DELETION_STUCK_AFTER: expected a duration such as 10m, 1h30m or 45s, got 'soon'");
    assertThatThrownBy(
            () -> OperatorSettings.fromEnvironment(Map.of("RESYNC_PERIOD", "10 minutes")))
        .hasMessage(
            "RESYNC_PERIOD: expected a duration such as 10m, 1h30m or 45s, got '10 minutes'");
    assertThatThrownBy(() -> OperatorSettings.fromEnvironment(Map.of("LOG_LEVEL", "loud")))
        .hasMessageStartingWith("LOG_LEVEL:");
    assertThatThrownBy(() -> OperatorSettings.fromEnvironment(Map.of("LEADER_ELECTION", "yes")))
        .hasMessage("LEADER_ELECTION: expected true or false, got 'yes'");
    assertThatThrownBy(() -> OperatorSettings.fromEnvironment(Map.of("HTTP_PORT", "http")))
        .hasMessageStartingWith("HTTP_PORT:");
  }

  @Test
  void readyzFollowsTheOperatorAndLivezStaysUpWhileStarting() throws Exception {
    AtomicBoolean ready = new AtomicBoolean(false);
    try (OperatorEndpoints server = new OperatorEndpoints(0, () -> true, ready::get, () -> "")) {
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://localhost:" + server.port();
      assertThat(status(http, base + "/livez")).isEqualTo(200);
      assertThat(status(http, base + "/readyz")).isEqualTo(503);
      ready.set(true);
      assertThat(status(http, base + "/readyz")).isEqualTo(200);
    }
  }

  private static int status(HttpClient http, String url) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
