package io.fraudpipeline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fraudpipeline.api.v1alpha1.ConditionReasons;
import io.fraudpipeline.api.v1alpha1.ConditionTypes;
import io.fraudpipeline.testing.cluster.ArgoCdLua;
import io.fraudpipeline.testing.crd.CrdValidator;
import io.fraudpipeline.testing.crd.ProjectPaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the Argo CD health checks of examples/argocd/argocd-cm.yaml — the very file users merge into
 * their argocd-cm — in gopher-lua, the Lua 5.1 engine Argo CD embeds, against one fixture per
 * state.
 */
class ArgoCdHealthCheckTest {

  private static final String ARGOCD_CM = "argocd/argocd-cm.yaml";
  static final String FRAUD_PIPELINE_KEY =
      "resource.customizations.health.fraudpipeline.io_FraudPipeline";
  private static final String FRAUD_PIPELINE_CASES = "argocd-health/fraudpipeline-cases.yaml";
  private static final String APPLICATION_KEY =
      "resource.customizations.health.argoproj.io_Application";

  static Stream<Arguments> fraudPipelineCases() throws IOException {
    return cases(FRAUD_PIPELINE_CASES);
  }

  static Stream<Arguments> applicationCases() throws IOException {
    return cases("argocd-health/application-cases.yaml");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fraudPipelineCases")
  void fraudPipelineHealth(JsonNode testCase) throws Exception {
    assertHealth(FRAUD_PIPELINE_KEY, testCase, testCase.get("object"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("applicationCases")
  void applicationHealth(JsonNode testCase) throws Exception {
    assertHealth(APPLICATION_KEY, testCase, testCase.get("object"));
  }

  @Test
  void theScriptAndItsCasesUseTheApisConditionTypesAndReasons() throws IOException {
    Set<String> types = new TreeSet<>();
    Set<String> reasons = new TreeSet<>();
    for (JsonNode testCase : read(FRAUD_PIPELINE_CASES)) {
      for (JsonNode condition : testCase.at("/object/status/conditions")) {
        types.add(condition.path("type").asText());
        reasons.add(condition.path("reason").asText());
      }
    }
    assertThat(types).as("condition types in the cases").isEqualTo(Set.copyOf(ConditionTypes.ALL));
    assertThat(ConditionReasons.ALL).as("reasons in the cases").containsAll(reasons);
    String script = script(FRAUD_PIPELINE_KEY);
    for (String type : ConditionTypes.ALL) {
      assertThat(script).as("the script reads %s", type).contains("condition(\"" + type + "\")");
    }
  }

  /** Argo CD runs a health script as a chunk with the resource in the global {@code obj}. */
  static void assertHealth(String key, JsonNode testCase, JsonNode object)
      throws IOException, InterruptedException {
    JsonNode health = ArgoCdLua.health(script(key), object);

    assertThat(health.isObject()).as("the script returns a table").isTrue();
    assertThat(health.path("status").asText())
        .as("status")
        .isEqualTo(testCase.at("/expect/status").asText());
    assertThat(health.path("message").asText())
        .as("message")
        .isEqualTo(testCase.at("/expect/message").asText());
  }

  static String script(String key) throws IOException {
    String yaml = Files.readString(ProjectPaths.examples().resolve(ARGOCD_CM));
    JsonNode configMap = CrdValidator.readYaml(yaml).get(0);
    JsonNode script = configMap.path("data").path(key);
    assertThat(script.isTextual()).as("%s has data key %s", ARGOCD_CM, key).isTrue();
    return script.asText();
  }

  private static Stream<Arguments> cases(String resource) throws IOException {
    return read(resource).stream().map(c -> Arguments.of(Named.of(c.path("case").asText(), c)));
  }

  private static List<JsonNode> read(String resource) throws IOException {
    try (InputStream in =
        ArgoCdHealthCheckTest.class.getClassLoader().getResourceAsStream(resource)) {
      return CrdValidator.readYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
