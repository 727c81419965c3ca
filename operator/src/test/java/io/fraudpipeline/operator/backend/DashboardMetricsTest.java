package io.fraudpipeline.operator.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.api.v1alpha1.Backend;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.functions.contract.EnvVars;
import io.fraudpipeline.functions.contract.FraudMetrics;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.runtime.InstalledBackends;
import io.fraudpipeline.operator.stack.ManagedObject;
import io.fraudpipeline.operator.stack.RenderedStack;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every graph of the rendered dashboard shows a metric that exists: one the functions emit (the
 * contract's {@link FraudMetrics}, with the {@code Pipeline} the functions are given) or one AWS
 * publishes for a resource of this very render, its dimensions naming that resource as the render
 * names it. A function, queue, API or stage renamed in one place only leaves no empty widget
 * unnoticed; and the alarm widget shows every alarm of the stack.
 */
class DashboardMetricsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What AWS publishes per resource, for the dimension that names it (AWS's metric pages). */
  private static final Map<String, Set<String>> LAMBDA_BY_FUNCTION =
      Map.of(
          "FunctionName",
          Set.of("Invocations", "Errors", "Throttles", "Duration", "ConcurrentExecutions"));

  private static final Set<String> LAMBDA_STREAM = Set.of("IteratorAge");

  private static final Set<String> API_GATEWAY =
      Set.of("Count", "4XXError", "5XXError", "Latency", "IntegrationLatency");

  private static final Set<String> SQS =
      Set.of("ApproximateNumberOfMessagesVisible", "ApproximateAgeOfOldestMessage");

  static Stream<Arguments> renders() {
    List<Arguments> cases = new ArrayList<>();
    for (Backend backend : Backend.values()) {
      FraudPipeline seed = Fixtures.seed();
      seed.getSpec().setBackend(backend);
      cases.add(Arguments.of("seed on " + backend, seed));
    }
    for (Path example : Fixtures.examplePipelines()) {
      cases.add(Arguments.of(example.getFileName().toString(), Fixtures.example(example)));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renders")
  void everyGraphedMetricIsEmittedOrPublishedForAResourceOfTheStack(
      String name, FraudPipeline pipeline) throws Exception {
    RenderedStack stack = InstalledBackends.all().of(pipeline).renderAssumingReady(pipeline);
    Rendered rendered = new Rendered(stack.desired());
    JsonNode body = rendered.dashboardBody();

    List<JsonNode> lines = new ArrayList<>();
    body.get("widgets").forEach(w -> w.at("/properties/metrics").forEach(lines::add));
    assertThat(lines).as("graphed lines").hasSizeGreaterThan(20);
    for (JsonNode line : lines) {
      String namespace = line.get(0).asText();
      String metric = line.get(1).asText();
      Map<String, String> dims = new LinkedHashMap<>();
      for (int i = 2; i + 1 < line.size() && line.get(i).isTextual(); i += 2) {
        dims.put(line.get(i).asText(), line.get(i + 1).asText());
      }
      String what = namespace + " " + metric + " " + dims;
      switch (namespace) {
        case "AWS/Lambda" -> {
          assertThat(dims).as(what).containsOnlyKeys("FunctionName");
          assertThat(rendered.names("Function")).as(what).contains(dims.get("FunctionName"));
          if (LAMBDA_STREAM.contains(metric)) {
            assertThat(rendered.streamMappedFunctions())
                .as(what)
                .contains(dims.get("FunctionName"));
          } else {
            assertThat(LAMBDA_BY_FUNCTION.get("FunctionName")).as(what).contains(metric);
          }
        }
        case "AWS/ApiGateway" -> {
          assertThat(API_GATEWAY).as(what).contains(metric);
          assertThat(dims).as(what).containsOnlyKeys("ApiName", "Stage");
          assertThat(rendered.names("RestAPI")).as(what).containsExactly(dims.get("ApiName"));
          assertThat(rendered.names("Stage")).as(what).containsExactly(dims.get("Stage"));
        }
        case "AWS/SQS" -> {
          assertThat(SQS).as(what).contains(metric);
          assertThat(dims).as(what).containsOnlyKeys("QueueName");
          assertThat(rendered.names("Queue")).as(what).contains(dims.get("QueueName"));
        }
        case FraudMetrics.NAMESPACE -> {
          assertThat(emittedMetrics()).as(what).contains(metric);
          assertThat(rendered.pipelineNames())
              .as(what + ": the Pipeline the functions are given")
              .containsExactly(dims.get(FraudMetrics.PIPELINE));
          if (dims.containsKey(FraudMetrics.SCORE_BUCKET)) {
            assertThat(metric).as(what).isEqualTo(FraudMetrics.TRANSACTIONS_SCORED);
            assertThat(FraudMetrics.SCORE_BUCKETS)
                .as(what)
                .contains(dims.get(FraudMetrics.SCORE_BUCKET));
            assertThat(dims).as(what).hasSize(2);
          } else {
            assertThat(dims).as(what).containsOnlyKeys(FraudMetrics.PIPELINE);
          }
        }
        default -> throw new AssertionError("a namespace nothing of the stack publishes: " + what);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renders")
  void theAlarmWidgetShowsEveryAlarmOfTheStack(String name, FraudPipeline pipeline)
      throws Exception {
    RenderedStack stack = InstalledBackends.all().of(pipeline).renderAssumingReady(pipeline);
    Rendered rendered = new Rendered(stack.desired());

    List<String> shown = new ArrayList<>();
    rendered
        .dashboardBody()
        .get("widgets")
        .forEach(
            w -> {
              if (w.get("type").asText().equals("alarm")) {
                w.at("/properties/alarms").forEach(a -> shown.add(a.asText()));
              }
            });
    assertThat(shown)
        .extracting(arn -> arn.substring(arn.lastIndexOf(":alarm:") + ":alarm:".length()))
        .containsExactlyInAnyOrderElementsOf(rendered.names("MetricAlarm"));
    assertThat(shown)
        .allSatisfy(
            arn ->
                assertThat(arn)
                    .startsWith("arn:aws")
                    .contains(":cloudwatch:" + pipeline.getSpec().getRegion() + ":"));
  }

  /** The metric names of the contract the functions emit (not its dimension names). */
  private static Set<String> emittedMetrics() throws IllegalAccessException {
    Set<String> dimensionsAndNamespace =
        Set.of(
            FraudMetrics.NAMESPACE,
            FraudMetrics.PIPELINE,
            FraudMetrics.REASON,
            FraudMetrics.SCORE_BUCKET);
    Set<String> metrics = new HashSet<>();
    for (Field f : FraudMetrics.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        String value = (String) f.get(null);
        if (!dimensionsAndNamespace.contains(value)) {
          metrics.add(value);
        }
      }
    }
    return metrics;
  }

  /**
   * The AWS names a render gives its objects, read from the objects as either backend spells them.
   */
  private record Rendered(List<ManagedObject> objects) {

    List<String> names(String kind) {
      return objects.stream().filter(o -> o.getKind().equals(kind)).map(Rendered::awsName).toList();
    }

    JsonNode dashboardBody() throws Exception {
      List<ManagedObject> dashboards =
          objects.stream().filter(o -> o.getKind().equals("Dashboard")).toList();
      assertThat(dashboards).hasSize(1);
      return JSON.readTree((String) body(dashboards.get(0)).get("dashboardBody"));
    }

    /** The functions a stream mapping invokes: only those publish IteratorAge. */
    Set<String> streamMappedFunctions() {
      Set<String> mapped = new HashSet<>();
      for (ManagedObject m : objects) {
        if (!m.getKind().equals("EventSourceMapping")) {
          continue;
        }
        Map<String, Object> body = body(m);
        if (body.get("functionName") instanceof String arnOrName) {
          // an alias ARN, arn:...:function:<name>:live
          String[] parts = arnOrName.split(":");
          mapped.add(parts.length >= 7 ? parts[6] : arnOrName);
        } else if (body.get("functionNameRef") instanceof Map<?, ?> ref) {
          objects.stream()
              .filter(o -> o.getKind().equals("Function"))
              .filter(o -> o.getMetadata().getName().equals(ref.get("name")))
              .map(Rendered::awsName)
              .forEach(mapped::add);
        }
      }
      return mapped;
    }

    /** The PIPELINE_NAME of every function, which the functions put in each metric. */
    Set<String> pipelineNames() {
      Set<String> values = new HashSet<>();
      for (ManagedObject f : objects) {
        if (f.getKind().equals("Function")
            && body(f).get("environment") instanceof Map<?, ?> env
            && env.get("variables") instanceof Map<?, ?> variables) {
          values.add((String) variables.get(EnvVars.PIPELINE_NAME));
        }
      }
      return values;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(GenericKubernetesResource o) {
      Map<String, Object> spec = (Map<String, Object>) o.getAdditionalProperties().get("spec");
      Object forProvider = spec.get("forProvider");
      return forProvider != null ? (Map<String, Object>) forProvider : spec;
    }

    private static String awsName(GenericKubernetesResource o) {
      Map<String, String> annotations = o.getMetadata().getAnnotations();
      if (annotations != null && annotations.containsKey("crossplane.io/external-name")) {
        return annotations.get("crossplane.io/external-name");
      }
      Map<String, Object> body = body(o);
      for (String field : List.of("stageName", "queueName", "name")) {
        if (body.get(field) instanceof String s) {
          return s;
        }
      }
      throw new AssertionError(o.getKind() + " " + o.getMetadata().getName() + " has no AWS name");
    }
  }
}
