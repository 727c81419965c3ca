package io.fraudpipeline.operator.reconciler;

import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.OPERATOR_USER;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.PATIENCE;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.PROVIDER_USER;
import static io.fraudpipeline.operator.reconciler.RealServerLifecycleTest.awaitReady;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fraudpipeline.testing.cluster.ControlPlane;
import io.fraudpipeline.testing.cluster.Eventually;
import io.fraudpipeline.testing.cluster.FaultProxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What the operator tells its operators about a pipeline that became Ready through one failed write
 * (a 409 on a table's create, from the fault-injecting proxy): its log lines and its {@code
 * /metrics}, {@code /readyz} and {@code /livez}.
 */
class RealServerObservabilityTest {

  private static final String NS = "observed";
  private static final String NAME = "observed";

  private static final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private static final Logger root =
      (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  private static KubernetesClient providerClient;
  private static SimulatedProvider provider;
  private static FaultProxy proxy;
  private static ProductionOperator operator;

  @BeforeAll
  static void aPipelineReadyThroughAFailedCreate() throws Exception {
    ControlPlane cluster = RealServerLifecycleTest.crossplaneServer();
    RealServerLifecycleTest.namespace(NS);
    providerClient =
        new KubernetesClientBuilder()
            .withConfig(cluster.configForUser(PROVIDER_USER, "system:masters"))
            .build();
    provider = new SimulatedProvider(providerClient);
    proxy = FaultProxy.start(cluster.configForUser(OPERATOR_USER, "system:masters"));
    lines.start();
    root.addAppender(lines);
    operator =
        new ProductionOperator(
            proxy.clientConfig(),
            ProductionOperator.watchingOnly(NS),
            RealServerLifecycleTest.RESYNC);

    // a failed write makes JOSDK log the failure of this reconcile too
    proxy.fail(
        "POST", "/apis/dynamodb.aws.m.upbound.io/v1beta1/namespaces/" + NS + "/tables", 409, 1);
    cluster.client().resource(RealServerLifecycleTest.pipeline(NS, NAME)).create();
    awaitReady(NS, NAME);
    assertThat(proxy.faultsServed()).as("the 409 was served").isTrue();
  }

  @AfterAll
  static void stop() throws Exception {
    root.detachAppender(lines);
    if (operator != null) {
      operator.close();
    }
    if (proxy != null) {
      proxy.close();
    }
    if (provider != null) {
      provider.close();
    }
    if (providerClient != null) {
      providerClient.close();
    }
    PipelineFinalizers.removeAll(ControlPlane.shared().client(), NS);
    ControlPlane.shared().client().namespaces().withName(NS).delete();
  }

  @Test
  void ourLinesAndJosdksFailureLinesNameThePipeline() {
    List<ILoggingEvent> reconcileLines =
        List.copyOf(lines.list).stream()
            .filter(e -> e.getThreadName().startsWith("ReconcilerExecutor"))
            .toList();
    assertThat(reconcileLines)
        .anyMatch(e -> e.getLoggerName().equals(FraudPipelineReconciler.class.getName()))
        .anyMatch(e -> e.getLoggerName().startsWith("io.javaoperatorsdk"))
        .allSatisfy(
            e ->
                assertThat(e.getMDCPropertyMap())
                    .as(e.getFormattedMessage())
                    .containsEntry("resource.namespace", NS)
                    .containsEntry("resource.name", NAME));
  }

  @Test
  void metricsCountPipelinesByConditionReconcileDurationsAndWritesByKindAndVerb() {
    String base = "http://127.0.0.1:" + operator.endpoints.port();
    HttpResponse<String> scrape = get(base + "/metrics");
    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
    String text = scrape.body();

    // the status write that made it Ready reaches the cache just after: wait for the gauge
    Eventually.await(
        "Ready gauge",
        PATIENCE,
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
    assertThat(value(text, "fraudpipeline_reconcile_duration_seconds_sum{result=\"progressing\"}"))
        .isPositive()
        .isLessThan(60);
    // JOSDK's own and the JVM's
    assertThat(text).contains("operator_sdk_reconciliations_started_total");
    assertThat(text).contains("jvm_memory_used_bytes");

    // through the fault proxy a watch that has delivered no event yet does not count as started,
    // so a kind with no object in the namespace shows as not healthy here (it is healthy without
    // the proxy: RealServerReadinessTest); any other complaint is a failure
    HttpResponse<String> ready = get(base + "/readyz");
    if (ready.statusCode() != 200) {
      assertThat(ready.body().lines().toList())
          .as(ready.body())
          .allSatisfy(
              line ->
                  assertThat(emptyKinds())
                      .anySatisfy(kind -> assertThat(line).contains("watch " + kind + " ")));
    }
    assertThat(get(base + "/livez").statusCode()).isEqualTo(200);
  }

  /** The kinds of the Crossplane backend with no object in the namespace, by CRD name. */
  private static java.util.List<String> emptyKinds() {
    return io.fraudpipeline.operator.crossplane.CrossplaneKinds.all().stream()
        .filter(
            k ->
                RealServerLifecycleTest.admin
                    .resources(k.type())
                    .inNamespace(NS)
                    .list()
                    .getItems()
                    .isEmpty())
        .map(k -> k.crdName())
        .toList();
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
