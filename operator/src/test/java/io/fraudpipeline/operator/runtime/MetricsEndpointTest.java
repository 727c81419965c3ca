package io.fraudpipeline.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.reconciler.OperatorTestBase;
import io.fraudpipeline.testing.cluster.Eventually;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code /metrics} on the operator's HTTP port, scraped after a pipeline became Ready. */
class MetricsEndpointTest extends OperatorTestBase {

  @Test
  void exposesPipelinesByConditionReconcileDurationsAndWritesByKindAndVerb() throws Exception {
    cluster
        .server
        .expect()
        .post()
        .withPath("/apis/dynamodb.aws.m.upbound.io/v1beta1/namespaces/" + NS + "/tables")
        .andReturn(
            409,
            new StatusBuilder()
                .withCode(409)
                .withReason("Conflict")
                .withMessage("injected")
                .build())
        .once();
    provisionUntilReady(cluster.create(Fixtures.pipeline("seed")));

    try (OperatorEndpoints endpoints =
        new OperatorEndpoints(0, harness.operator.getRuntimeInfo(), harness.metrics)) {
      String base = "http://localhost:" + endpoints.port();
      HttpResponse<String> scrape = get(base + "/metrics");
      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
      String text = scrape.body();

      // the status write that made it Ready reaches the cache just after: wait for the gauge
      Eventually.await(
          "Ready gauge",
          TIMEOUT,
          () ->
              value(get(base + "/metrics").body(), "fraudpipeline_pipelines{condition=\"Ready\"}")
                  == 1);
      assertThat(value(text, "fraudpipeline_pipelines{condition=\"Stalled\"}")).isZero();

      assertThat(
              value(
                  text,
                  "fraudpipeline_managed_resource_writes_total{kind=\"Table\",verb=\"create\"}"))
          .isEqualTo(2);
      assertThat(
              value(
                  text,
                  "fraudpipeline_managed_resource_writes_total{kind=\"Queue\",verb=\"create\"}"))
          .isEqualTo(2);
      assertThat(
              value(
                  text,
                  "fraudpipeline_managed_resource_write_errors_total{kind=\"Table\",verb=\"create\"}"))
          .isEqualTo(1);
      assertThat(value(text, "fraudpipeline_reconcile_duration_seconds_count{result=\"error\"}"))
          .isGreaterThanOrEqualTo(1);
      assertThat(
              value(text, "fraudpipeline_reconcile_duration_seconds_count{result=\"progressing\"}"))
          .isGreaterThanOrEqualTo(1);
      assertThat(
              value(text, "fraudpipeline_reconcile_duration_seconds_sum{result=\"progressing\"}"))
          .isPositive()
          .isLessThan(60);
      // JOSDK's own and the JVM's
      assertThat(text).contains("operator_sdk_reconciliations_started_total");
      assertThat(text).contains("jvm_memory_used_bytes");

      assertThat(get(base + "/readyz").statusCode()).isEqualTo(200);
      assertThat(get(base + "/livez").statusCode()).isEqualTo(200);
    }
  }

  private static HttpResponse<String> get(String url) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(url)).build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(url, e);
    }
  }

  /** The value of one sample line, by its exact name and labels; -1 when absent. */
  private static double value(String exposition, String sample) {
    Matcher m =
        Pattern.compile("^" + Pattern.quote(sample) + " (\\S+)$", Pattern.MULTILINE)
            .matcher(exposition);
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }
}
