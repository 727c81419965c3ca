package io.fraudpipeline.operator.crossplane;

import static io.fraudpipeline.operator.Fixtures.forProvider;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fraudpipeline.api.v1alpha1.FraudPipeline;
import io.fraudpipeline.functions.contract.EnvVars;
import io.fraudpipeline.operator.Fixtures;
import io.fraudpipeline.operator.stack.ManagedObject;
import io.fraudpipeline.operator.stack.ObservedObjects;
import io.fraudpipeline.operator.stack.RenderedStack;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SnapStart (on by default): published versions with SnapStart, a {@code live} alias per function
 * on the latest version, and every caller on the alias; off, or with an image, the callers call the
 * function as before.
 */
class SnapStartWiringTest {

  private static final String LAMBDA = "arn:aws:lambda:us-east-1:000000000000:function:";

  private static ManagedObject mr(RenderedStack stack, String kind, String name) {
    return stack.desired().stream()
        .filter(r -> r.getKind().equals(kind) && r.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }

  private static List<ManagedObject> ofKind(RenderedStack stack, String kind) {
    return stack.desired().stream().filter(r -> r.getKind().equals(kind)).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> environment(RenderedStack stack, String function) {
    Map<String, Object> env =
        (Map<String, Object>) forProvider(mr(stack, "Function", function)).get("environment");
    return (Map<String, String>) env.get("variables");
  }

  @Test
  void eachServingFunctionPublishesSnapStartVersionsAndItsLiveAliasServesTheLatest() {
    RenderedStack stack = CrossplaneBackend.INSTANCE.renderAssumingReady(Fixtures.seed());

    assertThat(ofKind(stack, "Function"))
        .filteredOn(f -> !f.getMetadata().getName().equals("payments-check"))
        .hasSize(2)
        .allSatisfy(
            f ->
                assertThat(forProvider(f))
                    .containsEntry("publish", true)
                    .containsEntry("snapStart", Map.of("applyOn", "PublishedVersions")));
    assertThat(ofKind(stack, "Alias"))
        .extracting(
            a ->
                a.getMetadata().getName()
                    + " "
                    + a.getMetadata().getAnnotations().get("crossplane.io/external-name")
                    + " "
                    + forProvider(a).get("functionName")
                    + " "
                    + forProvider(a).get("functionVersion"))
        .containsExactly(
            "payments-processor-live live transaction-processor-dev 1",
            "payments-scorer-live live fraud-scorer-dev 1");
    assertThat(environment(stack, "payments-processor"))
        .containsEntry(EnvVars.SCORER_FUNCTION_NAME, "fraud-scorer-dev:live");
    assertThat(stack.liveVersions()).isEqualTo(Map.of("processor", "1", "scorer", "1"));
  }

  @Test
  void anAliasWaitsForItsFunctionsPublishedVersion() {
    RenderedStack first =
        CrossplaneBackend.INSTANCE.render(Fixtures.seed(), ObservedObjects.none());

    assertThat(first.waiting())
        .anySatisfy(
            p -> {
              assertThat(p.getKind()).isEqualTo("Alias");
              assertThat(p.getName()).isEqualTo("payments-scorer-live");
              assertThat(p.getReason()).isEqualTo("waiting for Function payments-scorer version");
            })
        .anySatisfy(
            p -> {
              assertThat(p.getKind()).isEqualTo("Integration");
              assertThat(p.getReason())
                  .isEqualTo("waiting for Alias payments-processor-live invokeArn");
            });
    assertThat(first.liveVersions()).isEmpty();
  }

  @Test
  void aNewPublishedVersionMovesTheAliasAndTheStatusShowsIt() {
    FraudPipeline pipeline = Fixtures.seed();
    RenderedStack settled = CrossplaneBackend.INSTANCE.renderAssumingReady(pipeline);
    // the provider after a code change: the scorer published version 2, its alias still serves 1
    List<GenericKubernetesResource> cluster =
        settled.desired().stream()
            .map(CrossplaneBackend.INSTANCE::withAssumedStatus)
            .toList()
            .stream()
            .map(r -> r.getMetadata().getName().equals("payments-scorer") ? version(r, "2") : r)
            .toList();

    RenderedStack next = CrossplaneBackend.INSTANCE.render(pipeline, new ObservedObjects(cluster));

    assertThat(forProvider(mr(next, "Alias", "payments-scorer-live")))
        .containsEntry("functionVersion", "2");
    assertThat(forProvider(mr(next, "Alias", "payments-processor-live")))
        .containsEntry("functionVersion", "1");
    assertThat(next.liveVersions())
        .as("what the aliases serve until the provider moves them")
        .isEqualTo(Map.of("processor", "1", "scorer", "1"));
    assertThat(
            CrossplaneBackend.INSTANCE
                .render(
                    pipeline,
                    new ObservedObjects(
                        next.desired().stream()
                            .map(CrossplaneBackend.INSTANCE::withAssumedStatus)
                            .toList()))
                .liveVersions())
        .isEqualTo(Map.of("processor", "1", "scorer", "2"));
  }

  @SuppressWarnings("unchecked")
  private static GenericKubernetesResource version(GenericKubernetesResource r, String version) {
    Map<String, Object> status = (Map<String, Object>) r.getAdditionalProperties().get("status");
    ((Map<String, Object>) status.get("atProvider")).put("version", version);
    return r;
  }

  @Test
  void withoutSnapStartEveryCallerCallsTheFunctionItself() {
    FraudPipeline pipeline = Fixtures.seed();
    pipeline.getSpec().getFunctions().setSnapStart(false);
    RenderedStack stack = CrossplaneBackend.INSTANCE.renderAssumingReady(pipeline);

    assertThat(stack.desired()).hasSize(49);
    assertThat(stack.waiting()).isEmpty();
    assertUnaliased(stack);
    assertThat(forProvider(mr(stack, "RolePolicy", "payments-processor-policy")).get("policy"))
        .asString()
        .contains("\"" + LAMBDA + "fraud-scorer-dev\"");
  }

  @Test
  void theScheduledCheckPublishesNothingAndIsInvokedAsItselfForItsRuleOnly() {
    RenderedStack stack = CrossplaneBackend.INSTANCE.renderAssumingReady(Fixtures.seed());

    assertThat(forProvider(mr(stack, "Function", "payments-check")))
        .doesNotContainKeys("publish", "snapStart");
    assertThat(ofKind(stack, "Alias"))
        .noneSatisfy(a -> assertThat(a.getMetadata().getName()).contains("check"));
    assertThat(forProvider(mr(stack, "Target", "payments-check-target")))
        .containsEntry("arn", LAMBDA + "pipeline-check-dev")
        .containsEntry("ruleRef", Map.of("name", "payments-check-schedule"));
    assertThat(forProvider(mr(stack, "Permission", "payments-check-invoke")))
        .containsEntry("functionNameRef", Map.of("name", "payments-check"))
        .containsEntry("principal", "events.amazonaws.com")
        .containsEntry(
            "sourceArn", "arn:aws:events:us-east-1:000000000000:rule/pipeline-check-schedule-dev")
        .doesNotContainKey("qualifier");
  }

  @Test
  void anImageDeployIgnoresSnapStart() {
    RenderedStack stack =
        CrossplaneBackend.INSTANCE.renderAssumingReady(Fixtures.pipeline("variants"));

    assertThat(stack.waiting()).isEmpty();
    assertUnaliased(stack);
  }

  private static void assertUnaliased(RenderedStack stack) {
    assertThat(ofKind(stack, "Alias")).isEmpty();
    assertThat(ofKind(stack, "Function"))
        .allSatisfy(f -> assertThat(forProvider(f)).doesNotContainKeys("publish", "snapStart"));
    assertThat(ofKind(stack, "EventSourceMapping"))
        .singleElement()
        .satisfies(
            m ->
                assertThat(forProvider(m))
                    .containsKey("functionNameRef")
                    .doesNotContainKey("functionName"));
    assertThat(ofKind(stack, "Integration"))
        .allSatisfy(i -> assertThat(forProvider(i)).containsKey("uriRef").doesNotContainKey("uri"));
    assertThat(ofKind(stack, "Permission"))
        .allSatisfy(p -> assertThat(forProvider(p)).doesNotContainKey("qualifier"));
    assertThat(ofKind(stack, "FunctionEventInvokeConfig"))
        .allSatisfy(c -> assertThat(forProvider(c)).doesNotContainKey("qualifier"));
    String processor = ofKind(stack, "Function").get(0).getMetadata().getName();
    assertThat(environment(stack, processor).get(EnvVars.SCORER_FUNCTION_NAME))
        .startsWith("fraud-scorer-")
        .doesNotContain(":");
    assertThat(stack.liveVersions()).isEmpty();
  }
}
